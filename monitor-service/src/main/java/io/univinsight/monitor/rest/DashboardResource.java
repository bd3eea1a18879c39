package io.univinsight.monitor.rest;

import java.util.Map;

import io.univinsight.monitor.service.DashboardService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/dashboard")
public class DashboardResource {
    @Inject
    DashboardService dashboard;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> get() {
        return dashboard.snapshot();
    }
}
