package nl.omzien.notifications;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mail server that takes its time: it answers every message only after {@link #delayMillis}, so a
 * test can kill a sender while mails are still going out. It counts a message as delivered as soon as
 * it has the whole text, before answering, the way a real relay would deliver a mail whose sender died
 * waiting for the answer. It can also refuse the next messages for a while (451) after reading them.
 * Only what Jakarta Mail needs for a plain, unauthenticated delivery.
 */
final class SlowSmtpServer implements AutoCloseable {

    /** A message as received: the RCPT TO addresses and the Message-ID header; accepted or refused with 451. */
    record Received(List<String> recipients, String messageId, boolean accepted) {
    }

    private final ServerSocket socket;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuseNext = new AtomicInteger();
    volatile long delayMillis;

    SlowSmtpServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("slow-smtp-accept").start(this::accept);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Every message read so far, accepted or not, in order of arrival. */
    List<Received> received() {
        return List.copyOf(received);
    }

    /** Messages the server took responsibility for (all but the refused ones). */
    List<Received> delivered() {
        return received.stream().filter(Received::accepted).toList();
    }

    /** The next {@code count} messages are read and then refused with "451 try again later". */
    void refuseNext(int count) {
        refuseNext.set(count);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                Thread.ofVirtual().name("slow-smtp-session").start(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection; var in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = connection.getOutputStream()) {
            reply(out, "220 slow.example ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 slow.example");
                    case "MAIL" -> {
                        recipients = new ArrayList<>();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        recipients.add(line.replaceAll("(?i)^RCPT TO:\\s*<?([^>]*)>?.*$", "$1"));
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        String messageId = readMessage(in);
                        boolean refused = refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                        received.add(new Received(List.copyOf(recipients), messageId, !refused));
                        sleep(delayMillis);
                        reply(out, refused ? "451 4.3.0 Try again later" : "250 OK queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (IOException senderGone) {
            // The sender was killed or hung up: nothing to answer.
        }
    }

    /** Reads the message up to the lone dot and returns its Message-ID header (null when there is none). */
    private static String readMessage(BufferedReader in) throws IOException {
        String messageId = null;
        boolean headers = true;
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            if (line.isEmpty()) {
                headers = false;
            } else if (headers && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                messageId = line.substring(11).trim();
            }
        }
        return messageId;
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
            for (Socket connection : connections) {
                connection.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
