// A free TCP port on 127.0.0.1, for the scripts that serve a copy of dist/.
import { createServer } from 'node:net';

export async function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}
