package io.univinsight.monitor.rest;

import java.time.Duration;

import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.mutiny.Multi;
import io.univinsight.monitor.service.Dashboard;
import io.univinsight.monitor.service.DashboardService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/dashboard")
public class DashboardResource {
    /** How often the stream sends a fresh snapshot. */
    static final Duration STREAM_PERIOD = Duration.ofSeconds(1);

    @Inject
    DashboardService dashboard;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Dashboard get() {
        return dashboard.snapshot();
    }

    /** Server-Sent Events: one snapshot at once, then one a second; a slow client skips snapshots. */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<Dashboard> stream() {
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(STREAM_PERIOD)
                .onOverflow().drop()
                .map(tick -> dashboard.snapshot());
    }
}
