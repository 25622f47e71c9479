// Baseline for the load benchmark: the "real but does nothing" OCPP 1.6J server. ocpp-rpc in strict mode validates
// every message against the official schemas and answers from memory; nothing is stored.
// Usage: node ocpp-rpc-server.mjs --port 9100
import { parseArgs } from 'node:util';
import ocppRpc from 'ocpp-rpc';

const { RPCServer, createRPCError } = ocppRpc;
const { values: args } = parseArgs({ options: { port: { type: 'string', default: '9100' } } });

const server = new RPCServer({ protocols: ['ocpp1.6'], strictMode: true });
server.on('client', (client) => {
    const now = () => new Date().toISOString();
    client.handle('BootNotification', () => ({ status: 'Accepted', interval: 300, currentTime: now() }));
    client.handle('Heartbeat', () => ({ currentTime: now() }));
    client.handle('StatusNotification', () => ({}));
    client.handle('MeterValues', () => ({}));
    client.handle(() => {
        throw createRPCError('NotImplemented');
    });
});
await server.listen(Number(args.port), '127.0.0.1');
console.log(`listening on ${args.port}`);
