async function handler(request, env) {
  const { vars } = (await request.json()).execution_context;
  return new Response(JSON.stringify({ next_edge: vars.size > 10 ? "large" : "small", vars: { estimate: 42 } }), {
    headers: { "Content-Type": "application/json" },
  });
}
