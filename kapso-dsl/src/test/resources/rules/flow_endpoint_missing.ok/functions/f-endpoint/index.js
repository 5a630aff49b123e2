async function handler(request, env) {
  const body = await request.json();
  const exchange = body.data_exchange;
  if (exchange.action === 'INIT') {
    return Response.json({ version: '3.0', screen: 'START', data: {} });
  }
  return Response.json({ version: '3.0', screen: 'SUCCESS', data: { extension_message_response: { params: { flow_token: exchange.flow_token } } } });
}
