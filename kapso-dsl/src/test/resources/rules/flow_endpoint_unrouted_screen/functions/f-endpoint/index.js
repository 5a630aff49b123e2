async function handler(request, env) {
  const body = await request.json();
  if (body.data_exchange.action === 'INIT') {
    return Response.json({ version: '3.0', screen: 'DAY', data: {} });
  }
  return Response.json({ version: '3.0', screen: 'DONE', data: {} });
}
