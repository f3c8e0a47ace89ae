package nl.omzien.api.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.omzien.base.MunicipalityId;
import nl.omzien.base.Translations;
import nl.omzien.dashboard.DashboardFilter;
import nl.omzien.dashboard.DashboardService;
import nl.omzien.dashboard.DashboardTable;
import nl.omzien.dashboard.SmallNumbers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * The read-only figures API, version 1: the coalition dashboard's tables for one municipality and a period of
 * whole months, exactly as a publication export shows them (every group under five as {@code "<5"}).
 */
@RestController
@RequestMapping(value = "/api/v1", produces = "application/json")
@Tag(name = "figures", description = "The coalition's figures, as on the dashboard with 'for publication' on")
@OpenAPIDefinition(info = @Info(title = "Omzien figures API", version = "1",
        description = "Read-only figures of a municipality's coalition against loneliness. Every number of people from 1 to 4,"
                + " and every figure it could be worked out from, is shown as \"<5\". A key is for one municipality;"
                + " at most 60 calls a minute per key (429 with Retry-After beyond)."),
        security = {@SecurityRequirement(name = "apiKey"), @SecurityRequirement(name = "bearer")})
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, paramName = ApiKeyFilter.HEADER)
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
class FiguresApiController {

    /** What a call answers: the filter it used and the tables. */
    record Figures(long municipalityId, YearMonth from, YearMonth until, int smallGroupThreshold, String hiddenValue,
                   List<DashboardTable> tables) {
    }

    private final DashboardService dashboard;
    private final Clock clock;

    FiguresApiController(DashboardService dashboard, Clock clock) {
        this.dashboard = dashboard;
        this.clock = clock;
    }

    @GetMapping("/municipalities/{municipalityId}/figures")
    @Operation(summary = "Every figures table of a municipality for a period",
            description = "Tables: figures, sector, path, module, village, over-time, organisations, targets."
                    + " Cells are strings, numbers or dates (ISO 8601); a hidden small group is \"<5\".")
    @ApiResponse(responseCode = "200", description = "The tables")
    @ApiResponse(responseCode = "401", description = "No key, or an unknown or revoked one")
    @ApiResponse(responseCode = "403", description = "The key is for another municipality")
    @ApiResponse(responseCode = "429", description = "Too many calls with this key in the last minute")
    Figures figures(@PathVariable long municipalityId,
                    @Parameter(description = "First month, e.g. 2026-01; default January of this year") @RequestParam(required = false) YearMonth from,
                    @Parameter(description = "Last month, inclusive, e.g. 2026-12; default December of this year") @RequestParam(required = false) YearMonth until,
                    @Parameter(description = "Language of titles and labels: nl (default) or en") @RequestParam(defaultValue = "nl") String lang) {
        DashboardFilter filter = filter(municipalityId, from, until);
        return new Figures(municipalityId, filter.from(), filter.until(), SmallNumbers.THRESHOLD, SmallNumbers.HIDDEN,
                dashboard.published(filter, Translations.supported(Locale.of(lang))));
    }

    @GetMapping("/municipalities/{municipalityId}/figures/{table}")
    @Operation(summary = "One figures table of a municipality for a period",
            description = "table: figures, sector, path, module, village, over-time, organisations or targets.")
    @ApiResponse(responseCode = "200", description = "The table")
    @ApiResponse(responseCode = "404", description = "No such table")
    DashboardTable table(@PathVariable long municipalityId, @PathVariable String table,
                         @RequestParam(required = false) YearMonth from, @RequestParam(required = false) YearMonth until,
                         @RequestParam(defaultValue = "nl") String lang) {
        return dashboard.published(filter(municipalityId, from, until), Translations.supported(Locale.of(lang))).stream()
                .filter(t -> t.name().equals(table)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No table " + table));
    }

    private DashboardFilter filter(long municipalityId, YearMonth from, YearMonth until) {
        if (municipalityId <= 0) {
            throw new AccessDeniedException("No such municipality");
        }
        int year = LocalDate.now(clock).getYear();
        YearMonth first = from != null ? from : YearMonth.of(year, 1);
        YearMonth last = until != null ? until : YearMonth.of(first.getYear(), 12);
        if (last.isBefore(first) || first.until(last, java.time.temporal.ChronoUnit.YEARS) >= 10) {
            throw new IllegalArgumentException("until must not be before from, and the period at most 10 years");
        }
        return new DashboardFilter(MunicipalityId.of(municipalityId), first, last);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden() {
        return problem(HttpStatus.FORBIDDEN, "This key is not for these figures.");
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ProblemDetail> notFound() {
        return problem(HttpStatus.NOT_FOUND, "No such table.");
    }

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> badRequest() {
        return problem(HttpStatus.BAD_REQUEST, "from and until are months (2026-01), until not before from, at most 10 years.");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
