// An OCPP 1.6J charger built on ocpp-rpc, an independent OCPP-J implementation, in strict mode: every message in
// both directions is validated against the official OCPP 1.6 JSON schemas that ship with the library. A CSMS
// response that breaks its schema rejects the call (so the step fails); a CSMS CALL that breaks its schema is
// refused with a CALLERROR (so the API answers 502 instead of 200 and the step fails). A run that exits 0 therefore
// proves that every message the CSMS sent during a full charging session was schema-valid.
//
// Usage:
//   node charger.mjs --ws ws://127.0.0.1:8080/ocpp --id CP-INTEROP --api http://127.0.0.1:8080 --token TOKEN --idtag TAG
// Each option may also come from the environment: CSMS_WS_URL, CSMS_CHARGE_POINT_ID, CSMS_API_URL, CSMS_ADMIN_TOKEN,
// CSMS_ID_TAG; --timeout (CSMS_INTEROP_TIMEOUT_MS) bounds the whole run (default 60000 ms).
// The idTag must exist as Accepted before the run. Prints one line per step and "TRANSACTION_ID=<n>" once the
// transaction started; exits 0 on success, 1 naming the failing step, 2 on the overall timeout.

import { isDeepStrictEqual, parseArgs } from 'node:util';
import ocppRpc from 'ocpp-rpc';

const { RPCClient, createRPCError } = ocppRpc;

const { values: args } = parseArgs({
    options: {
        ws: { type: 'string', default: process.env.CSMS_WS_URL },
        id: { type: 'string', default: process.env.CSMS_CHARGE_POINT_ID },
        api: { type: 'string', default: process.env.CSMS_API_URL },
        token: { type: 'string', default: process.env.CSMS_ADMIN_TOKEN },
        idtag: { type: 'string', default: process.env.CSMS_ID_TAG },
        timeout: { type: 'string', default: process.env.CSMS_INTEROP_TIMEOUT_MS ?? '60000' },
    },
});

for (const name of ['ws', 'id', 'api', 'token', 'idtag']) {
    if (!args[name]) {
        console.error(`missing --${name} (see the usage at the top of charger.mjs)`);
        process.exit(64);
    }
}

const apiBase = args.api.replace(/\/+$/, '');
const recentFrames = [];
const strictFailures = [];
let currentStep = 'start';

const overallTimeoutMs = Number(args.timeout);
setTimeout(() => {
    console.error(`FAIL [${currentStep}]: the run did not finish within ${overallTimeoutMs} ms`);
    dumpFrames();
    process.exit(2);
}, overallTimeoutMs).unref();

class StepError extends Error {}

function check(condition, message) {
    if (!condition) {
        throw new StepError(message);
    }
}

function dumpFrames() {
    console.error('last frames on the wire:');
    for (const line of recentFrames) {
        console.error(`  ${line}`);
    }
}

async function step(name, action) {
    currentStep = name;
    const result = await action();
    check(strictFailures.length === 0, `strict validation failed: ${JSON.stringify(strictFailures)}`);
    console.log(`ok   ${name}`);
    return result;
}

// The charger's configuration, as GetConfiguration reports it.
const configuration = [
    { key: 'HeartbeatInterval', readonly: false, value: '300' },
    { key: 'MeterValuesSampledData', readonly: false, value: 'Energy.Active.Import.Register,Current.Import,Voltage' },
    { key: 'NumberOfConnectors', readonly: true, value: '1' },
];

const client = new RPCClient({
    endpoint: args.ws.replace(/\/+$/, ''),
    identity: args.id,
    protocols: ['ocpp1.6'],
    strictMode: true,
    reconnect: false,
    callTimeoutMs: 15000,
});

client.on('message', ({ message, outbound }) => {
    recentFrames.push(`${outbound ? '>>' : '<<'} ${String(message).slice(0, 400)}`);
    if (recentFrames.length > 40) {
        recentFrames.shift();
    }
});
client.on('strictValidationFailure', ({ method, outbound, isCall, error }) => {
    strictFailures.push({ method, outbound, isCall, error: error?.message });
    console.error(`strict validation failure: ${outbound ? 'outbound' : 'inbound'} ${isCall ? 'CALL' : 'CALLRESULT'} ${method}: ${error?.message}`);
});

// Handlers for the CSMS-initiated calls. Strict mode validates each inbound CALL before the handler runs.
const handled = [];
let triggeredHeartbeat = Promise.resolve();
client.handle('GetConfiguration', ({ params }) => {
    handled.push('GetConfiguration');
    const wanted = params.key ?? [];
    if (wanted.length === 0) {
        return { configurationKey: configuration, unknownKey: [] };
    }

    return {
        configurationKey: configuration.filter(c => wanted.includes(c.key)),
        unknownKey: wanted.filter(k => !configuration.some(c => c.key === k)),
    };
});
client.handle('Reset', ({ params }) => {
    handled.push(`Reset:${params.type}`);
    return { status: 'Accepted' };
});
client.handle('ChangeAvailability', ({ params }) => {
    handled.push(`ChangeAvailability:${params.type}`);
    return { status: 'Accepted' };
});
client.handle('TriggerMessage', ({ params }) => {
    handled.push(`TriggerMessage:${params.requestedMessage}`);
    if (params.requestedMessage === 'Heartbeat') {
        // As a real charger does: answer first, then send the requested message.
        triggeredHeartbeat = new Promise(resolve => setImmediate(resolve)).then(() => client.call('Heartbeat', {}));
    }

    return { status: 'Accepted' };
});
client.handle('UnlockConnector', () => {
    handled.push('UnlockConnector');
    throw createRPCError('NotSupported', 'This charger has a fixed cable and cannot unlock its connector');
});

async function api(action, body) {
    const response = await fetch(`${apiBase}/api/v1/chargepoints/${encodeURIComponent(args.id)}/ocpp/${action}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${args.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(20000),
    });
    const text = await response.text();
    let json;
    try {
        json = JSON.parse(text);
    } catch {
        json = undefined;
    }

    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, json };
}

async function apiExpectsAnswer(action, body, expected) {
    const r = await api(action, body);
    check(r.status === 200, `POST .../ocpp/${action}: expected HTTP 200, got ${r.status}: ${r.text}`);
    check(isDeepStrictEqual(r.json, expected), `POST .../ocpp/${action}: expected exactly ${JSON.stringify(expected)}, got ${r.text}`);
}

// Sends a frame past the library's validation and returns the CSMS's answer to it (matched by unique id).
function sendUnvalidated(frame) {
    const id = frame[1];
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            client.off('message', onMessage);
            reject(new StepError(`no answer to the raw frame ${id} within 10 s`));
        }, 10000);
        function onMessage({ message, outbound }) {
            if (outbound) {
                return;
            }

            let parsed;
            try {
                parsed = JSON.parse(String(message));
            } catch {
                return;
            }

            if (Array.isArray(parsed) && parsed[1] === id) {
                clearTimeout(timer);
                client.off('message', onMessage);
                resolve(parsed);
            }
        }
        client.on('message', onMessage);
        client.sendRaw(JSON.stringify(frame));
    });
}

// The library reports a CALLERROR/CALLRESULT for a call it did not make as a 'badMessage'; for the raw frames above
// that is expected, anything else is not.
const unexpectedBadMessages = [];
client.on('badMessage', ({ buffer, error }) => {
    const text = String(buffer);
    if (!text.includes('"interop-raw-')) {
        unexpectedBadMessages.push(`${error?.message}: ${text.slice(0, 200)}`);
    }
});

const minutesAgo = m => new Date(Date.now() - m * 60_000).toISOString();
const meterStart = 12000;
const meterStop = 19250;

function sampledValues(wh, context) {
    return [
        { value: String(wh), context, format: 'Raw', measurand: 'Energy.Active.Import.Register', location: 'Outlet', unit: 'Wh' },
        { value: '16.1', context, measurand: 'Current.Import', phase: 'L1', location: 'Outlet', unit: 'A' },
        { value: '15.9', context, measurand: 'Current.Import', phase: 'L2', location: 'Outlet', unit: 'A' },
        { value: '230.4', context, measurand: 'Voltage', phase: 'L1-N', unit: 'V' },
        { value: '11.04', context, measurand: 'Power.Active.Import', unit: 'kW' },
        { value: '31.5', context, measurand: 'Temperature', location: 'Body', unit: 'Celsius' },
        { value: '42', context, measurand: 'SoC', location: 'EV', unit: 'Percent' },
    ];
}

async function run() {
    await step('connect (subprotocol ocpp1.6)', async () => {
        await client.connect();
        check(client.protocol === 'ocpp1.6', `expected subprotocol ocpp1.6, got ${client.protocol}`);
    });

    await step('BootNotification', async () => {
        const r = await client.call('BootNotification', {
            chargePointVendor: 'InteropVendor',
            chargePointModel: 'OcppRpc-1',
            chargePointSerialNumber: 'IOP-0001',
            firmwareVersion: '2.2.1',
            meterType: 'DC-Meter',
        });
        check(r.status === 'Accepted', `status: expected Accepted, got ${r.status}`);
        check(Number.isInteger(r.interval) && r.interval > 0, `interval: expected a positive integer, got ${r.interval}`);
        check(!Number.isNaN(Date.parse(r.currentTime)), `currentTime: expected a date-time, got ${r.currentTime}`);
    });

    await step('StatusNotification Available', async () => {
        const r = await client.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available', timestamp: minutesAgo(31) });
        check(isDeepStrictEqual(r, {}), `expected {}, got ${JSON.stringify(r)}`);
    });

    await step('Authorize', async () => {
        const r = await client.call('Authorize', { idTag: args.idtag });
        check(r.idTagInfo?.status === 'Accepted', `idTagInfo.status: expected Accepted, got ${JSON.stringify(r)}`);
    });

    const transactionId = await step('StartTransaction', async () => {
        const r = await client.call('StartTransaction', { connectorId: 1, idTag: args.idtag, meterStart, timestamp: minutesAgo(30) });
        check(Number.isInteger(r.transactionId), `transactionId: expected an integer, got ${JSON.stringify(r)}`);
        check(r.idTagInfo?.status === 'Accepted', `idTagInfo.status: expected Accepted, got ${JSON.stringify(r)}`);
        return r.transactionId;
    });
    console.log(`TRANSACTION_ID=${transactionId}`);

    await step('StatusNotification Charging', async () => {
        const r = await client.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Charging', timestamp: minutesAgo(30) });
        check(isDeepStrictEqual(r, {}), `expected {}, got ${JSON.stringify(r)}`);
    });

    await step('MeterValues (two meterValue elements, seven sampled values each)', async () => {
        const r = await client.call('MeterValues', {
            connectorId: 1,
            transactionId,
            meterValue: [
                { timestamp: minutesAgo(20), sampledValue: sampledValues(14400, 'Sample.Periodic') },
                { timestamp: minutesAgo(10), sampledValue: sampledValues(16800, 'Sample.Periodic') },
            ],
        });
        check(isDeepStrictEqual(r, {}), `expected {}, got ${JSON.stringify(r)}`);
    });

    // CSMS-initiated calls through the HTTP API while the charger is connected and charging. Strict mode checks
    // each CALL the CSMS sends; an invalid one would be refused with a CALLERROR and the API would answer 502.
    await step('API GetConfiguration -> 200 with the charger\'s answer', async () => {
        await apiExpectsAnswer('GetConfiguration', {}, { configurationKey: configuration, unknownKey: [] });
        await apiExpectsAnswer('GetConfiguration', { key: ['HeartbeatInterval', 'NoSuchKey'] }, { configurationKey: [configuration[0]], unknownKey: ['NoSuchKey'] });
    });

    await step('API Reset Soft -> 200 Accepted', async () => {
        await apiExpectsAnswer('Reset', { type: 'Soft' }, { status: 'Accepted' });
    });

    await step('API TriggerMessage Heartbeat -> 200 Accepted, then the triggered Heartbeat', async () => {
        await apiExpectsAnswer('TriggerMessage', { requestedMessage: 'Heartbeat' }, { status: 'Accepted' });
        const r = await triggeredHeartbeat;
        check(!Number.isNaN(Date.parse(r?.currentTime)), `triggered Heartbeat: expected currentTime, got ${JSON.stringify(r)}`);
    });

    await step('API ChangeAvailability -> 200 Accepted', async () => {
        await apiExpectsAnswer('ChangeAvailability', { connectorId: 0, type: 'Operative' }, { status: 'Accepted' });
    });

    await step('API UnlockConnector -> 502 with the charger\'s CALLERROR', async () => {
        const r = await api('UnlockConnector', { connectorId: 1 });
        check(r.status === 502, `expected HTTP 502, got ${r.status}: ${r.text}`);
        check(r.contentType.startsWith('application/problem+json'), `expected a problem document, got content-type ${r.contentType}`);
        check(r.json?.errorCode === 'NotSupported', `errorCode: expected NotSupported, got ${r.text}`);
        check(r.json?.errorDescription === 'This charger has a fixed cable and cannot unlock its connector', `errorDescription: got ${r.text}`);
    });

    await step('handlers saw each CSMS call once', async () => {
        const expected = ['GetConfiguration', 'GetConfiguration', 'Reset:Soft', 'TriggerMessage:Heartbeat', 'ChangeAvailability:Operative', 'UnlockConnector'];
        check(isDeepStrictEqual(handled, expected), `expected ${JSON.stringify(expected)}, got ${JSON.stringify(handled)}`);
    });

    await step('Heartbeat', async () => {
        const r = await client.call('Heartbeat', {});
        check(!Number.isNaN(Date.parse(r.currentTime)), `currentTime: expected a date-time, got ${r.currentTime}`);
    });

    await step('DataTransfer (unknown vendor)', async () => {
        const r = await client.call('DataTransfer', { vendorId: 'com.example.interop', messageId: 'Ping', data: 'hello' });
        check(r.status === 'UnknownVendorId', `status: expected UnknownVendorId, got ${JSON.stringify(r)}`);
    });

    // Schema-invalid frames sent past the library's own validation: the CSMS must refuse each with the matching
    // OCPP 1.6 error code (1.6 spells it "Occurence") and keep the connection.
    await step('raw BootNotification without chargePointModel -> CALLERROR OccurenceConstraintViolation', async () => {
        const answer = await sendUnvalidated([2, 'interop-raw-1', 'BootNotification', { chargePointVendor: 'InteropVendor' }]);
        check(answer.length === 5 && answer[0] === 4, `expected a CALLERROR, got ${JSON.stringify(answer)}`);
        check(answer[2] === 'OccurenceConstraintViolation', `expected OccurenceConstraintViolation, got ${JSON.stringify(answer)}`);
        check(typeof answer[3] === 'string' && typeof answer[4] === 'object' && answer[4] !== null, `bad CALLERROR shape: ${JSON.stringify(answer)}`);
    });

    await step('raw StatusNotification with status "Bogus" -> CALLERROR PropertyConstraintViolation', async () => {
        const answer = await sendUnvalidated([2, 'interop-raw-2', 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Bogus' }]);
        check(answer[0] === 4 && answer[2] === 'PropertyConstraintViolation', `expected PropertyConstraintViolation, got ${JSON.stringify(answer)}`);
    });

    await step('raw MeterValues with a string connectorId -> CALLERROR TypeConstraintViolation', async () => {
        const answer = await sendUnvalidated([2, 'interop-raw-3', 'MeterValues', { connectorId: '1', meterValue: [] }]);
        check(answer[0] === 4 && answer[2] === 'TypeConstraintViolation', `expected TypeConstraintViolation, got ${JSON.stringify(answer)}`);
    });

    await step('StopTransaction (with transactionData)', async () => {
        const r = await client.call('StopTransaction', {
            transactionId,
            idTag: args.idtag,
            meterStop,
            timestamp: minutesAgo(1),
            reason: 'EVDisconnected',
            transactionData: [
                { timestamp: minutesAgo(30), sampledValue: [{ value: String(meterStart), context: 'Transaction.Begin', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] },
                { timestamp: minutesAgo(1), sampledValue: [{ value: String(meterStop), context: 'Transaction.End', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] },
            ],
        });
        check(r.idTagInfo?.status === 'Accepted', `idTagInfo.status: expected Accepted, got ${JSON.stringify(r)}`);
    });

    await step('StatusNotification Available', async () => {
        const r = await client.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available', timestamp: minutesAgo(0) });
        check(isDeepStrictEqual(r, {}), `expected {}, got ${JSON.stringify(r)}`);
    });

    await step('no unexpected bad messages', async () => {
        check(unexpectedBadMessages.length === 0, `bad messages: ${JSON.stringify(unexpectedBadMessages)}`);
    });

    await step('close', async () => {
        const { code } = await client.close({ code: 1000, reason: 'interop run done' });
        check(code === 1000, `expected close code 1000, got ${code}`);
    });
}

try {
    await run();
    console.log('PASS all steps');
    process.exit(0);
} catch (error) {
    const detail = error instanceof StepError ? error.message : (error?.stack ?? String(error));
    const code = error?.rpcErrorCode ? ` (${error.rpcErrorCode})` : '';
    console.error(`FAIL [${currentStep}]${code}: ${detail}`);
    if (error?.details && Object.keys(error.details).length > 0) {
        console.error(`details: ${JSON.stringify(error.details).slice(0, 2000)}`);
    }

    dumpFrames();
    await client.close({ force: true }).catch(() => {});
    process.exit(1);
}
