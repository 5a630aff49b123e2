async function handler(request, env) { return new Response("ok"); }
