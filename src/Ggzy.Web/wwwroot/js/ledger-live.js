// Live Ledger: follows /api/v1/ledger/stream from the last sequence shown and adds each new entry at the top.
(function () {
  "use strict";
  var body = document.getElementById("ledger-rows");
  var status = document.getElementById("live-status");
  if (!body || !window.EventSource) { return; }
  var after = Number(body.dataset.after || "0");
  var roleNames = JSON.parse(body.dataset.roles || "{}");

  function roles(codes) {
    return codes.split(",").filter(Boolean).map(function (r) { return roleNames[r] || r; }).join("、");
  }
  var source;

  function cell(text, code, title) {
    var td = document.createElement("td");
    if (code) {
      var c = document.createElement("code");
      c.textContent = text;
      if (title) { c.title = title; }
      td.appendChild(c);
    } else {
      td.textContent = text;
    }
    return td;
  }

  function chinaTime(iso) {
    var d = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
    return d.toISOString().replace("T", " ").substring(0, 19);
  }

  function add(e) {
    var tr = document.createElement("tr");
    tr.className = "fresh";
    var payload = JSON.stringify(e.payload);
    if (payload.length > 120) { payload = payload.substring(0, 120) + "…"; }
    var seq = cell(String(e.sequence));
    seq.className = "num";
    [seq, cell(chinaTime(e.recordedAt)), cell(e.actor), cell(roles(e.role)), cell(e.clientIp), cell(e.type, true),
      cell(e.subject, true), cell(payload, true), cell(e.hash.substring(0, 12) + "…", true, e.hash)]
      .forEach(function (td) { tr.appendChild(td); });
    body.insertBefore(tr, body.firstChild);
    while (body.rows.length > 200) { body.deleteRow(body.rows.length - 1); }
  }

  function connect() {
    source = new EventSource(body.dataset.stream + "?after=" + after);
    source.onopen = function () { status.textContent = "实时连接中"; status.className = "badge ok"; };
    source.addEventListener("entry", function (m) {
      var e = JSON.parse(m.data);
      if (e.sequence <= after) { return; }
      after = e.sequence;
      add(e);
    });
    source.onerror = function () {
      status.textContent = "连接中断，正在重连";
      status.className = "badge bad";
      source.close();
      setTimeout(connect, 2000);
    };
  }
  connect();
})();
