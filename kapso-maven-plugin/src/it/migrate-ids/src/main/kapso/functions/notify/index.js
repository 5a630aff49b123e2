async function handler(request, env) {
  return new Response(JSON.stringify({ vars: { notified: true } }), { headers: { "Content-Type": "application/json" } });
}
