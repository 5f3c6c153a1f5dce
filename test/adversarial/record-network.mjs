// Preloaded (node --import) into a build under test: every attempt to reach a host
// other than this machine is written to LUOTAIN_NETWORK_LOG and refused.
import dns from 'node:dns';
import { appendFileSync } from 'node:fs';
import net from 'node:net';

const log = process.env.LUOTAIN_NETWORK_LOG;
const LOCAL = /^(127\.\d+\.\d+\.\d+|::1|localhost|0\.0\.0\.0|::)$/i;

function refuse(kind, host) {
  appendFileSync(log, `${kind} ${host}\n`);
  return Object.assign(new Error(`network access to ${host} refused in this test`), { code: 'ECONNREFUSED' });
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options = typeof args[0] === 'object' && args[0] !== null ? (Array.isArray(args[0]) ? args[0][0] : args[0]) : { port: args[0], host: typeof args[1] === 'string' ? args[1] : 'localhost' };
  if (options && options.path === undefined) {
    const host = options.host ?? 'localhost';
    if (!LOCAL.test(host)) {
      const error = refuse('connect', `${host}:${options.port}`);
      process.nextTick(() => this.destroy(error));
      return this;
    }
  }
  return connect.apply(this, args);
};

const lookup = dns.lookup;
dns.lookup = function (host, ...rest) {
  if (!LOCAL.test(host)) {
    const callback = rest.at(-1);
    const error = refuse('lookup', host);
    process.nextTick(() => callback(error));
    return {};
  }
  return lookup.call(this, host, ...rest);
};
const promisedLookup = dns.promises.lookup;
dns.promises.lookup = async function (host, ...rest) {
  if (!LOCAL.test(host)) throw refuse('lookup', host);
  return promisedLookup.call(this, host, ...rest);
};
