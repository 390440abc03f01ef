// Asks the plugin's own route, GET /hello/{name}, and shows its JSON answer (or the error's message).
document.getElementById('greet').addEventListener('submit', async (event) => {
  event.preventDefault();
  const name = document.getElementById('name').value.trim();
  const res = await fetch('/hello/' + encodeURIComponent(name), { headers: { Accept: 'application/json' } });
  const body = await res.json();
  document.getElementById('answer').textContent = res.ok ? body.message : 'Error ' + res.status + ': ' + body.message;
});
