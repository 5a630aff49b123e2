async function handler(request, env) {
  return new Response(JSON.stringify({ ok: true }), { headers: { "Content-Type": "application/json" } });
}
