// The live dashboard: first GET /api/dashboard, then one update a second from the SSE stream.
// Every number element carries data-value with the raw JSON value (the browser test reads it).
(function () {
  "use strict";
  var QUEUES = ["critical", "high", "normal", "low", "retry"];
  var SVG = "http://www.w3.org/2000/svg";

  function byTestId(id) { return document.querySelector('[data-testid="' + id + '"]'); }

  function setValue(el, raw, text) {
    el.setAttribute("data-value", raw === null || raw === undefined ? "" : String(raw));
    el.textContent = text !== undefined ? text : (raw === null || raw === undefined ? "-" : String(raw));
  }

  function ms(v) { return v >= 10000 ? (v / 1000).toFixed(1) + " s" : v + " ms"; }

  function bytes(v) {
    var units = ["B", "KB", "MB", "GB", "TB"];
    var i = 0;
    while (v >= 1024 && i < units.length - 1) { v = v / 1024; i++; }
    return (i === 0 ? String(v) : v.toFixed(1)) + " " + units[i];
  }

  function cell(row, raw, text, testId, numeric) {
    var td = document.createElement("td");
    if (numeric) { td.className = "num"; }
    if (testId) { td.setAttribute("data-testid", testId); }
    setValue(td, raw, text);
    row.appendChild(td);
    return td;
  }

  function renderHealth(d) {
    var badge = byTestId("health-status");
    badge.className = "badge " + d.health.status;
    setValue(badge, d.health.status);
    setValue(byTestId("streams-state"), d.health.streams_state);
    setValue(byTestId("generated-at"), d.generated_at, new Date(d.generated_at).toLocaleTimeString());
    var reasons = byTestId("health-reasons");
    reasons.textContent = "";
    d.health.reasons.forEach(function (r) {
      var li = document.createElement("li");
      li.textContent = r;
      reasons.appendChild(li);
    });
  }

  function renderMetrics(m) {
    ["total_tasks", "pending", "running", "retrying", "completed", "failed", "professors_found", "papers_found"]
      .forEach(function (k) { setValue(byTestId("metric-" + k), m[k]); });
    setValue(byTestId("metric-success_rate"), m.success_rate, (m.success_rate * 100).toFixed(1) + "%");
    ["avg_processing_ms", "p50_processing_ms", "p95_processing_ms"]
      .forEach(function (k) { setValue(byTestId("metric-" + k), m[k], ms(m[k])); });
    // Pages answered 304 or unchanged, as a share of all pages of the tasks.
    setValue(byTestId("metric-cache_hit_rate"), m.cache_hit_rate, (m.cache_hit_rate * 100).toFixed(1) + "%");
    setValue(byTestId("metric-cache_hits"), m.cache_hits, m.cache_hits + " of " + m.pages_fetched + " pages");
    setValue(byTestId("metric-bytes_saved"), m.bytes_saved, bytes(m.bytes_saved));
    // Pages loaded in the headless browser, with their average render time.
    setValue(byTestId("metric-pages_rendered"), m.pages_rendered);
    setValue(byTestId("metric-avg_render_ms"), m.avg_render_ms, "avg " + ms(m.avg_render_ms));
    // Tasks that found no professor, and why: each reason that occurred, "2 render-timeout, 1 no-people-found".
    setValue(byTestId("metric-tasks_without_professors"), m.tasks_without_professors, String(m.tasks_without_professors));
    var reasons = Object.keys(m.tasks_without_professors_by_reason || {})
      .filter(function (r) { return m.tasks_without_professors_by_reason[r] > 0; })
      .map(function (r) { return m.tasks_without_professors_by_reason[r] + " " + r; });
    setValue(byTestId("metric-tasks_without_professors_by_reason"), reasons.join(", "), reasons.join(", ") || "none");
  }

  function renderQueue(q) {
    var body = document.getElementById("queue-rows");
    body.textContent = "";
    var max = 1;
    QUEUES.forEach(function (k) { if (q.waiting && q.waiting[k] > max) { max = q.waiting[k]; } });
    QUEUES.forEach(function (k) {
      var tr = document.createElement("tr");
      var th = document.createElement("th");
      th.textContent = k;
      tr.appendChild(th);
      var waiting = q.waiting ? q.waiting[k] : null;
      cell(tr, waiting, undefined, "queue-" + k, true);
      var td = document.createElement("td");
      var bar = document.createElement("div");
      bar.className = "bar";
      bar.style.width = ((waiting || 0) / max * 100) + "%";
      td.appendChild(bar);
      tr.appendChild(td);
      body.appendChild(tr);
    });
    setValue(byTestId("queue-total"), q.total_waiting, q.total_waiting === null ? "unknown" : String(q.total_waiting));
    setValue(byTestId("queue-trend"), q.lag_rising, q.lag_rising ? "rising for 5 min" : "");
  }

  function renderWorkers(workers) {
    setValue(byTestId("workers-count"), workers.length);
    var body = byTestId("workers");
    body.textContent = "";
    workers.forEach(function (w) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-testid", "worker-row");
      tr.setAttribute("data-worker", w.worker_id);
      cell(tr, w.worker_id, undefined, "worker-id");
      cell(tr, w.completed, undefined, "worker-completed", true);
      cell(tr, w.failed, undefined, "worker-failed", true);
      cell(tr, w.busy_ms, ms(w.busy_ms), "worker-busy_ms", true);
      cell(tr, w.in_flight, undefined, "worker-in_flight", true);
      cell(tr, w.current_task, w.current_task || "idle", "worker-current_task");
      cell(tr, w.current_task_seconds, w.current_task_seconds === null ? "" : w.current_task_seconds + " s", "worker-current_task_seconds", true);
      body.appendChild(tr);
    });
  }

  // The API lists the universities with the most tasks and counts the rest.
  function renderUniversities(rows, notShown) {
    var body = byTestId("universities");
    body.textContent = "";
    rows.forEach(function (u) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-testid", "university-row");
      tr.setAttribute("data-university", u.university);
      cell(tr, u.university, undefined, "university-name");
      ["tasks", "results", "professors", "papers"].forEach(function (k) { cell(tr, u[k], undefined, "university-" + k, true); });
      body.appendChild(tr);
    });
    setValue(byTestId("universities-not-shown"), notShown,
      notShown > 0 ? "and " + notShown + " more with fewer tasks" : "");
  }

  function svgEl(name, attrs, text) {
    var el = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text !== undefined) { el.textContent = text; }
    return el;
  }

  function hourLabel(iso) { return new Date(iso).toISOString().substring(11, 16); }

  // Stacked bars: successes (green) under failures (red), one bar per hour.
  function renderThroughput(hours) {
    var svg = document.getElementById("chart-throughput");
    svg.textContent = "";
    var W = 480, H = 160, pad = 20;
    if (hours.length === 0) { svg.appendChild(svgEl("text", { x: 10, y: 20 }, "no finished tasks yet")); return; }
    var max = Math.max.apply(null, hours.map(function (h) { return h.tasks; }).concat([1]));
    var bw = (W - 2 * pad) / hours.length;
    hours.forEach(function (h, i) {
      var x = pad + i * bw + 2, w = Math.max(1, bw - 4), scale = (H - 2 * pad) / max;
      var okH = h.successes * scale, badH = h.failures * scale;
      svg.appendChild(svgEl("rect", { x: x, y: H - pad - okH, width: w, height: okH, fill: "#2e7d32", "data-hour": h.hour, "data-successes": h.successes }));
      svg.appendChild(svgEl("rect", { x: x, y: H - pad - okH - badH, width: w, height: badH, fill: "#c62828", "data-hour": h.hour, "data-failures": h.failures }));
      svg.appendChild(svgEl("text", { x: x, y: H - 6 }, hourLabel(h.hour)));
      svg.appendChild(svgEl("text", { x: x, y: H - pad - okH - badH - 3 }, String(h.tasks)));
    });
  }

  function renderTiming(hours) {
    var svg = document.getElementById("chart-timing");
    svg.textContent = "";
    var W = 480, H = 160, pad = 20;
    if (hours.length === 0) { svg.appendChild(svgEl("text", { x: 10, y: 20 }, "no finished tasks yet")); return; }
    var max = Math.max.apply(null, hours.map(function (h) { return h.avg_ms; }).concat([1]));
    var step = hours.length > 1 ? (W - 2 * pad) / (hours.length - 1) : 0;
    var points = hours.map(function (h, i) {
      return [pad + i * step, H - pad - h.avg_ms / max * (H - 2 * pad)];
    });
    svg.appendChild(svgEl("polyline", { points: points.map(function (p) { return p.join(","); }).join(" "), fill: "none", stroke: "#1565c0", "stroke-width": 2 }));
    hours.forEach(function (h, i) {
      svg.appendChild(svgEl("circle", { cx: points[i][0], cy: points[i][1], r: 3, fill: "#1565c0", "data-hour": h.hour, "data-avg-ms": h.avg_ms }));
      svg.appendChild(svgEl("text", { x: points[i][0] - 10, y: H - 6 }, hourLabel(h.hour)));
    });
    svg.appendChild(svgEl("text", { x: 2, y: 12 }, max + " ms"));
  }

  function render(d) {
    renderHealth(d);
    renderMetrics(d.metrics);
    renderQueue(d.queue);
    renderWorkers(d.workers);
    renderUniversities(d.universities, d.universities_not_shown);
    renderThroughput(d.hourly_stats);
    renderTiming(d.hourly_stats);
    document.body.setAttribute("data-rendered-at", d.generated_at);
  }

  function link(text) { setValue(byTestId("connection"), text); }

  function live() {
    if (!window.EventSource) { setInterval(poll, 1000); return; }
    var source = new EventSource("api/dashboard/stream");
    source.onopen = function () { link("live"); };
    source.onmessage = function (e) { render(JSON.parse(e.data)); };
    source.onerror = function () { link("reconnecting"); };
  }

  function poll() {
    return fetch("api/dashboard", { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(render)
      .catch(function () { link("offline"); });
  }

  // ?live=0 renders once and stays still (used to compare a frozen page with the API).
  var still = new URLSearchParams(location.search).get("live") === "0";
  poll().then(function () { if (still) { link("still"); } else { live(); } });
}());
