// Live election board: replaces the board with each update the server sends (server-sent events, reconnecting on its own).
(function () {
  var board = document.getElementById('board');
  var status = document.getElementById('board-status');
  if (!board || !window.EventSource) { return; }
  var events = new EventSource(board.getAttribute('data-events'));
  events.addEventListener('board', function (e) {
    board.innerHTML = e.data;
    board.setAttribute('data-version', e.lastEventId);
    status.textContent = 'Live · updated ' + new Date().toLocaleTimeString();
  });
  events.onerror = function () { status.textContent = 'Reconnecting…'; };
  events.onopen = function () { status.textContent = 'Live'; };
})();
