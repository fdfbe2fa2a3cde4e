// Live election board: replaces the board with each update the server sends. Speaks the SignalR JSON hub protocol over
// a WebSocket to the board hub (negotiate, handshake, "board" invocations, pings, close), reconnecting with backoff, and
// falls back to the server-sent event stream when WebSockets do not work here.
(function () {
  'use strict';
  var board = document.getElementById('board');
  var status = document.getElementById('board-status');
  if (!board || !status) { return; }
  var hub = board.getAttribute('data-hub');
  var separator = '\u001e';
  var pingEvery = 15000;
  var serverTimeout = 30000;
  var delays = [1000, 2000, 5000, 10000, 30000];
  var failures = 0; // consecutive attempts that ended before the handshake
  var connectedOnce = false;
  var version = 0;

  function show(html) {
    board.innerHTML = html;
    board.setAttribute('data-version', String(++version));
    status.textContent = 'Live · updated ' + new Date().toLocaleTimeString();
  }

  function useEvents() {
    board.setAttribute('data-transport', 'events');
    if (!window.EventSource) { status.textContent = 'Live updates are unavailable · reload to refresh'; return; }
    var events = new EventSource(board.getAttribute('data-events'));
    events.addEventListener('board', function (e) { show(e.data); });
    events.onerror = function () { status.textContent = 'Reconnecting…'; };
    events.onopen = function () { status.textContent = 'Live'; };
  }

  function retry() {
    // WebSockets that never got through (a proxy that drops them, say): use the event stream instead.
    if (!connectedOnce && failures >= 3) { useEvents(); return; }
    status.textContent = 'Reconnecting…';
    setTimeout(connect, delays[Math.min(failures, delays.length - 1)]);
  }

  function connect() {
    if (!hub || !window.WebSocket || !window.fetch) { useEvents(); return; }
    fetch(hub + '/negotiate?negotiateVersion=1', { method: 'POST', credentials: 'same-origin' })
      .then(function (response) {
        if (response.status === 401) { return null; }
        if (!response.ok) { throw new Error('negotiate: ' + response.status); }
        return response.json();
      })
      .then(function (negotiated) {
        if (negotiated === null) { status.textContent = 'Signed out · reload to sign in'; return; }
        var websockets = (negotiated.availableTransports || []).some(function (t) { return t.transport === 'WebSockets'; });
        if (!websockets) { useEvents(); return; }
        open(negotiated.connectionToken || negotiated.connectionId);
      })
      .catch(function () { failures++; retry(); });
  }

  function open(token) {
    var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + hub + '?id=' + encodeURIComponent(token);
    var socket;
    try { socket = new WebSocket(url); } catch (e) { failures++; retry(); return; }
    var handshaken = false;
    var buffer = '';
    var heard = Date.now();
    var pinger = null;

    function send(message) {
      if (socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(message) + separator); }
    }

    function receive(message) {
      if (!handshaken) {
        if (message.error) { socket.close(); return; }
        handshaken = true;
        connectedOnce = true;
        failures = 0;
        board.setAttribute('data-transport', 'signalr');
        status.textContent = 'Live';
        pinger = setInterval(function () {
          if (Date.now() - heard > serverTimeout) { socket.close(); return; }
          send({ type: 6 });
        }, pingEvery);
        return;
      }

      if (message.type === 1 && message.target === 'board' && message.arguments && typeof message.arguments[0] === 'string') {
        show(message.arguments[0]);
      } else if (message.type === 7) {
        socket.close();
      }
    }

    socket.onopen = function () { send({ protocol: 'json', version: 1 }); };
    socket.onmessage = function (e) {
      if (typeof e.data !== 'string') { return; }
      heard = Date.now();
      var records = (buffer + e.data).split(separator);
      buffer = records.pop();
      for (var i = 0; i < records.length; i++) {
        if (!records[i]) { continue; }
        var message;
        try { message = JSON.parse(records[i]); } catch (x) { socket.close(); return; }
        receive(message);
      }
    };
    socket.onclose = function () {
      if (pinger !== null) { clearInterval(pinger); }
      if (!handshaken) { failures++; }
      retry();
    };
  }

  connect();
})();
