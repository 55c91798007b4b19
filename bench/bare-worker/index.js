// The bare Worker of `npm run bench`: the least a Worker can do for
// POST /api/v2/alerts (read the body, parse it, answer 200). Any other request
// (the bench's readiness probe, GET /-/ready) gets 200 too.
export default {
  async fetch(request) {
    if (request.method === 'POST') JSON.parse(await request.text());
    return new Response(null, { status: 200 });
  },
};
