async function handler(request, env) {
  const input = await request.json();
  const orderNumber = input.execution_context?.vars?.order_number;
  const response = await fetch(`https://shop.example.com/api/orders/${encodeURIComponent(orderNumber)}`, {
    headers: { Authorization: `Bearer ${env.SHOP_API_TOKEN}` },
  });
  if (response.status === 404) {
    return new Response(JSON.stringify({ next_edge: "missing" }), { headers: { "Content-Type": "application/json" } });
  }
  const order = await response.json();
  return new Response(JSON.stringify({ next_edge: "found", vars: { order } }), {
    headers: { "Content-Type": "application/json" },
  });
}
