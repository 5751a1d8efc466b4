// Opening hall: the stream says when the hall changed (its revision); the page then fetches the hall again and puts
// it in place. Without a stream (or while it reconnects) the page asks every 10 seconds.
(function () {
  "use strict";
  // Between the deadline and the extraction the page waits: it asks again every 3 seconds until the hall is there.
  if (document.getElementById("hall-waiting")) {
    setTimeout(function () { window.location.replace(window.location.pathname); }, 3000);
    return;
  }

  var hall = document.getElementById("hall");
  var status = document.getElementById("hall-status");
  if (!hall) { return; }
  var revision = hall.dataset.revision;
  var busy = false;
  var pending = false;

  function show(text, kind) {
    if (!status) { return; }
    status.textContent = text;
    status.className = "badge" + (kind ? " " + kind : "");
  }

  function typing() {
    var active = document.activeElement;
    return active && hall.contains(active) && (active.tagName === "TEXTAREA" || active.tagName === "INPUT") && active.value;
  }

  function refresh() {
    if (busy) { pending = true; return; }
    if (typing()) { setTimeout(refresh, 3000); return; }
    busy = true;
    fetch(hall.dataset.live, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.text(); })
      .then(function (html) {
        // Someone began typing (a content key, an objection) while this was on its way: keep it, and come back later.
        if (typing()) { setTimeout(refresh, 3000); return; }
        hall.innerHTML = html;
        var stage = hall.querySelector("[data-revision]");
        if (stage) { revision = stage.dataset.revision; }
      })
      .catch(function () { show("刷新失败，稍后重试", "bad"); })
      .then(function () {
        busy = false;
        if (pending) { pending = false; refresh(); }
      });
  }

  if (!window.EventSource) {
    show("每 10 秒刷新");
    setInterval(refresh, 10000);
    return;
  }

  var source;
  function connect() {
    source = new EventSource(hall.dataset.stream);
    source.onopen = function () { show("实时连接中", "ok"); };
    source.addEventListener("hall", function (m) {
      var next = JSON.parse(m.data).revision;
      if (String(next) !== String(revision)) { refresh(); }
    });
    source.onerror = function () {
      show("连接中断，正在重连", "bad");
      source.close();
      setTimeout(function () { refresh(); connect(); }, 3000);
    };
  }
  connect();
})();
