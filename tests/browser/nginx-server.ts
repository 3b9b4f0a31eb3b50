/**
 * A throw-away nginx serving dist/ under a sub-path with the site blocks of deploy/nginx-site.conf, on a free
 * loopback port, with every file it writes in a temp folder. Stopped by the test that started it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../scripts/free-port';

export const NGINX = process.env.NGINX_BIN ?? '/usr/sbin/nginx';

export interface NginxSite {
  url: string;
  stop(): Promise<void>;
}

export async function startNginx(subPath: string): Promise<NginxSite> {
  const dir = mkdtempSync(join(tmpdir(), 'ctv-nginx-'));
  const port = await freePort();
  const dist = `${resolve('dist')}/`;
  const site = readFileSync(resolve('deploy/nginx-site.conf'), 'utf8').replaceAll('__SUBPATH__', subPath).replaceAll('__DIST__', dist);
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    ${site}
  }
}
`,
  );
  // As root, nginx's workers would run as "nobody": run them as whoever runs the tests, who can read dist/.
  const user = process.getuid?.() === 0 ? ['-g', 'daemon off; user root;'] : ['-g', 'daemon off;'];
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', conf, ...user], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}${subPath}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '';
      child.kill('SIGKILL');
      throw new Error(`nginx did not start: ${stderr} ${log}`.trim());
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGQUIT');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
