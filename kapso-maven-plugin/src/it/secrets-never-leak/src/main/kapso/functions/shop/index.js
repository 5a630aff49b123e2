async function handler(request, env) { return new Response(env.SHOP_TOKEN ? "ok" : "no token"); }
