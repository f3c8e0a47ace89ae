package nl.omzien.requests;

/**
 * Where a request stands. A proposal by the trainer does not change the status: an {@link #ASSIGNED} request with
 * a proposed date waits for the requester (or the lead) to accept it.
 */
public enum RequestStatus { NEW, ASSIGNED, PLANNED, DECLINED }
