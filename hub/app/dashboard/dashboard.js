// SPDX-License-Identifier: GPL-2.0-or-later
// The tidnav hub dashboard: polls /dashboard/api/overview and /dashboard/api/calls
// and fills the page. Every value from the hub is set as text (never as HTML):
// contract names, addresses and consumers come from outside.
"use strict";

const POLL_MS = 2000;
const $ = (id) => document.getElementById(id);

function text(id, value) {
  const el = $(id);
  if (el) el.textContent = value === undefined || value === null ? "–" : String(value);
}

function pill(el, state) {
  el.textContent = state;
  el.className = "pill " + state.replace(/[^a-z-]/g, "");
}

function cell(row, value, cls) {
  const td = document.createElement("td");
  td.textContent = value === undefined || value === null ? "" : String(value);
  if (cls) td.className = cls;
  row.appendChild(td);
  return td;
}

function pillCell(row, state) {
  const td = document.createElement("td");
  const span = document.createElement("span");
  pill(span, state || "unknown");
  td.appendChild(span);
  row.appendChild(td);
}

function fillRows(id, items, fill) {
  const body = $(id);
  const rows = items.map((item) => {
    const tr = document.createElement("tr");
    fill(tr, item);
    return tr;
  });
  body.replaceChildren(...rows);
}

function fmt(n, digits) {
  return typeof n === "number" ? n.toFixed(digits) : "–";
}

function showOverview(o) {
  text("instance", o.instance);
  text("updated", o.now);
  const t = o.traffic.last_10s;
  text("rate", fmt(t.calls_per_s, 1));
  text("failure-rate", fmt(t.failures_per_s, 1));
  text("hub-ms", fmt(t.mean_hub_ms, 2) + " ms");
  text("producer-ms", fmt(t.mean_producer_ms, 2) + " ms");
  text("total-calls", o.traffic.total_calls);

  pill($("reload-state"), o.reload.ok ? "ok" : "failed");
  text("reload-at", o.reload.at);
  text("generation", o.generation);
  text("routes-total", o.routes_total);
  text("permissions-total", o.permissions_total);
  $("reload-lines").replaceChildren(...o.reload.lines.map((l) => {
    const li = document.createElement("li");
    li.textContent = l;
    return li;
  }));

  const ei = o.engagement_index;
  text("ei-calls", ei ? ei.calls : "not configured");
  text("ei-requests", ei && ei.updates !== undefined ? ei.updates + " / " + ei.find_contents : "–");
  text("ei-posts", ei && ei.posts_inserted !== undefined ? [ei.posts_inserted, ei.posts_updated, ei.posts_deleted].join(" / ") : "–");
  text("ei-finds", ei ? ei.aggregator_finds : "–");
  text("ei-refused", ei ? ei.refused : "–");
  text("ei-pending", ei ? ei.outbox_pending : "–");
  text("ei-delivered", ei ? ei.outbox_delivered : "–");
  text("ei-failed", ei ? ei.outbox_failed_attempts : "–");
  text("ei-dead", ei ? ei.outbox_dead : "–");

  const a = o.audit;
  text("audit-written", a ? a.written : "off");
  text("audit-queued", a ? a.queued : "–");
  text("audit-dropped", a ? a.dropped : "–");
  text("audit-errors", a ? a.write_errors : "–");

  fillRows("producers-body", o.producers, (tr, p) => {
    pillCell(tr, p.health);
    cell(tr, p.url, "mono");
    cell(tr, p.routes, "num");
    cell(tr, p.calls, "num");
    cell(tr, p.failures, "num");
    cell(tr, p.last_outcome || "");
    cell(tr, p.mean_producer_ms === undefined ? "" : fmt(p.mean_producer_ms, 2) + " ms", "num");
  });
  fillRows("routes-body", o.routes, (tr, r) => {
    pillCell(tr, r.health);
    cell(tr, r.contract, "mono");
    cell(tr, r.logical_address, "mono");
    cell(tr, r.url, "mono");
    cell(tr, r.riv_profile);
  });
  text("routes-more", o.routes_total > o.routes.length ? (o.routes_total - o.routes.length) + " more routes not shown" : "");
}

function showCalls(c) {
  fillRows("calls-body", c.calls, (tr, call) => {
    cell(tr, call.at.substring(11, 23), "mono");
    pillCell(tr, call.outcome === "ok" ? "ok" : call.outcome);
    cell(tr, call.correlation_id, "mono correlation");
    cell(tr, call.consumer + (call.in_process ? " (via hub)" : ""), "mono");
    cell(tr, call.operation);
    cell(tr, call.logical_address, "mono");
    cell(tr, fmt(call.hub_ms, 2), "num");
    cell(tr, fmt(call.producer_ms, 2), "num");
  });
}

async function getJson(path) {
  const r = await fetch(path, { cache: "no-store" });
  if (!r.ok) throw new Error(path + ": HTTP " + r.status);
  return r.json();
}

async function poll() {
  try {
    const [o, c] = await Promise.all([getJson("/dashboard/api/overview"), getJson("/dashboard/api/calls?limit=50")]);
    showOverview(o);
    showCalls(c);
    pill($("status"), "up");
  } catch (e) {
    pill($("status"), "failing");
    text("updated", e.message);
  }
  setTimeout(poll, POLL_MS);
}

// --- citizen view ---------------------------------------------------------

function clearCitizen() {
  $("citizen-units").replaceChildren();
  $("citizen-rows").replaceChildren();
  $("citizen-rows-head").replaceChildren();
  $("citizen-units-table").hidden = true;
  $("citizen-rows-table").hidden = true;
  text("citizen-state", "");
}

function showCitizen(v) {
  if (v.error) {
    text("citizen-state", "No calendar: " + v.error + (v.correlation_id ? " (correlation id " + v.correlation_id + ")" : ""));
    return;
  }
  const rows = v.rows || [];
  text("citizen-state", rows.length + " bookings from " + (v.units || []).length + " units; correlation id " + v.correlation_id);
  fillRows("citizen-units", v.units || [], (tr, u) => {
    cell(tr, u.logicalAddress, "mono");
    pillCell(tr, u.statusCode === "DataFromSource" ? "ok" : u.statusCode || "unknown");
    cell(tr, [u["lastUnsuccessfulSynchError.code"], u["lastUnsuccessfulSynchError.text"]].filter(Boolean).join(" "));
  });
  const keys = [];
  rows.forEach((r) => Object.keys(r).forEach((k) => { if (!keys.includes(k)) keys.push(k); }));
  const head = document.createElement("tr");
  keys.forEach((k) => { const th = document.createElement("th"); th.textContent = k; head.appendChild(th); });
  $("citizen-rows-head").replaceChildren(head);
  fillRows("citizen-rows", rows, (tr, r) => keys.forEach((k) => cell(tr, r[k])));
  $("citizen-units-table").hidden = false;
  $("citizen-rows-table").hidden = false;
}

async function loadCitizen(ev) {
  if (ev) ev.preventDefault();
  clearCitizen();
  text("citizen-state", "asking the aggregating service…");
  try {
    const r = await fetch("/dashboard/api/citizen", {
      method: "POST",
      cache: "no-store",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + $("citizen-token").value },
      body: JSON.stringify({ person: $("citizen-person").value, contract: $("citizen-contract").value }),
    });
    const v = await r.json();
    if (!r.ok) {
      text("citizen-state", "Refused: " + (v.error || "HTTP " + r.status));
      return;
    }
    showCitizen(v);
  } catch (e) {
    text("citizen-state", "Failed: " + e.message);
  }
}

// "#token=...&person=...&contract=...": filled in and loaded at once (scripts,
// tests); the fragment never reaches the server and is removed from the address bar.
function fromFragment() {
  if (!location.hash || location.hash.length < 2) return false;
  const p = new URLSearchParams(location.hash.substring(1));
  history.replaceState(null, "", location.pathname);
  if (!p.get("token") || !p.get("person")) return false;
  $("citizen-token").value = p.get("token");
  $("citizen-person").value = p.get("person");
  if (p.get("contract")) $("citizen-contract").value = p.get("contract");
  return true;
}

document.addEventListener("DOMContentLoaded", () => {
  $("citizen-form").addEventListener("submit", loadCitizen);
  $("citizen-clear").addEventListener("click", () => { clearCitizen(); $("citizen-person").value = ""; });
  if (fromFragment()) loadCitizen();
  poll();
});
