// Black-box OCPP 1.6J conformance suite for the CSMS, driven by ocpp-rpc in strict mode: every message in both
// directions is validated against the official OCPP 1.6 JSON schemas (security extension included) that ship with
// the library. Each case is a function named after an OCA OCPP 1.6 compliance test case (TC_xxx_CSMS) where a public
// description exists, or prefixed X_ where none does (see README.md). Cases drive the server over OCPP and through
// its HTTP API and check the resulting state through the API. Each case uses its own charge point id and idTags.
//
// Usage:
//   node conformance.mjs --ws ws://127.0.0.1:8080/ocpp --api http://127.0.0.1:8080 --token TOKEN [--case ID]... \
//        [--prefix P] [--parallel N] [--timeout MS] [--list]
// Options may also come from the environment: CSMS_WS_URL, CSMS_API_URL, CSMS_ADMIN_TOKEN. Without --case every case
// runs except the known issues (cases that fail against the current server), which run only when named. Prints "PASS <id>" or "FAIL <id>: <reason>" per case, then a summary line and the known issues; exits 0 when
// every selected case passed, 1 when one failed, 2 on the overall timeout, 64 on bad arguments.

import { createHash, generateKeyPairSync, randomBytes, sign, X509Certificate } from 'node:crypto';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import ocppRpc from 'ocpp-rpc';
import WebSocket from 'ws';

const { RPCClient, createRPCError, NOREPLY } = ocppRpc;

const { values: args } = parseArgs({
    options: {
        ws: { type: 'string', default: process.env.CSMS_WS_URL },
        api: { type: 'string', default: process.env.CSMS_API_URL },
        token: { type: 'string', default: process.env.CSMS_ADMIN_TOKEN },
        case: { type: 'string', multiple: true, default: [] },
        prefix: { type: 'string', default: randomBytes(3).toString('hex').toUpperCase() },
        parallel: { type: 'string', default: '4' },
        timeout: { type: 'string', default: '120000' },
        list: { type: 'boolean', default: false },
    },
});

// ---------------------------------------------------------------------------------------------------------------
// Harness

class CaseError extends Error {}

function check(condition, message) {
    if (!condition) {
        throw new CaseError(message);
    }
}

function checkEqual(actual, expected, what) {
    check(isDeepStrictEqual(actual, expected), `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

const sleepTick = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Polls until the condition holds (the value it returns is truthy) or the deadline passes. */
async function eventually(condition, what, timeoutMs = 10000) {
    const deadline = Date.now() + timeoutMs;
    let last;
    for (;;) {
        last = await condition();
        if (last) {
            return last;
        }

        if (Date.now() > deadline) {
            throw new CaseError(`timed out after ${timeoutMs} ms waiting for ${what}`);
        }

        await sleepTick(50);
    }
}

const minutesAgo = m => new Date(Date.now() - m * 60_000).toISOString();
const minutesAhead = m => new Date(Date.now() + m * 60_000).toISOString();

/** The per-run context of one case: its charge point ids, idTags, chargers and API access. */
class CaseContext {
    constructor(id) {
        this.caseId = id;
        this.chargers = [];
        this.sockets = [];
        this.cpBase = `${args.prefix}-${id}`.slice(0, 44);
    }

    /** A charge point id unique to this case and run (suffix for the second and further ids of a case). */
    cp(suffix = '') {
        return suffix ? `${this.cpBase}-${suffix}` : this.cpBase;
    }

    /** An idTag (at most 20 characters, OCPP 1.6 IdToken) unique to this case and run. */
    tag(suffix = '') {
        return `${args.prefix}${createHash('sha1').update(this.caseId + suffix).digest('hex')}`.slice(0, 20).toUpperCase();
    }

    async putIdTag(idTag, status, extra = {}) {
        const r = await this.api('PUT', `/api/v1/idtags/${encodeURIComponent(idTag)}`, { status, ...extra });
        check(r.status === 200 || r.status === 201 || r.status === 204, `PUT /idtags/${idTag}: HTTP ${r.status}: ${r.text}`);
        return idTag;
    }

    async api(method, path, body, timeoutMs = 20000) {
        const response = await fetch(`${apiBase}${path}`, {
            method,
            headers: { authorization: `Bearer ${args.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
            body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
            signal: AbortSignal.timeout(timeoutMs),
        });
        const text = await response.text();
        let json;
        try {
            json = text.length ? JSON.parse(text) : undefined;
        } catch {
            json = undefined;
        }

        return { status: response.status, text, json };
    }

    /** GET that must answer 200; returns the JSON body. */
    async get(path) {
        const r = await this.api('GET', path);
        check(r.status === 200, `GET ${path}: expected HTTP 200, got ${r.status}: ${r.text}`);
        return r.json;
    }

    /** POST a typed command (route under /commands/) or, with a leading "ocpp/", the passthrough; expects 200. */
    async command(cp, route, body, query = '') {
        const r = await this.commandRaw(cp, route, body, query);
        check(r.status === 200, `POST .../${route}${query}: expected HTTP 200, got ${r.status}: ${r.text}`);
        return r.json;
    }

    commandRaw(cp, route, body, query = '') {
        const path = route.startsWith('ocpp/') ? route : `commands/${route}`;
        return this.api('POST', `/api/v1/chargepoints/${encodeURIComponent(cp)}/${path}${query}`, body ?? {});
    }

    chargePoint(cp) {
        return this.get(`/api/v1/chargepoints/${encodeURIComponent(cp)}`);
    }

    async connector(cp, connectorId) {
        const view = await this.chargePoint(cp);
        return (view.connectors ?? []).find(c => c.connectorId === connectorId);
    }

    async transactionsOf(cp) {
        const list = await this.get(`/api/v1/transactions?chargePointId=${encodeURIComponent(cp)}`);
        return list.items;
    }

    details(cp, part) {
        return this.get(`/api/v1/chargepoints/${encodeURIComponent(cp)}/${part}`);
    }

    /** A strict ocpp-rpc charger with its own handlers; connected (and booted unless boot is false). */
    async charger(cp = this.cp(), { boot = true, answers = {}, password } = {}) {
        const charger = new Charger(cp, answers, password);
        this.chargers.push(charger);
        await charger.connect();
        if (boot) {
            await charger.boot();
        }

        return charger;
    }

    /** A plain WebSocket (no OCPP library) for frames the strict client refuses to send. */
    async rawSocket(cp, protocols = ['ocpp1.6'], headers = {}) {
        const socket = new RawSocket(`${wsBase}/${encodeURIComponent(cp)}`, protocols, headers);
        this.sockets.push(socket);
        await socket.opened;
        return socket;
    }

    async dispose() {
        for (const charger of this.chargers) {
            await charger.close();
        }

        for (const socket of this.sockets) {
            socket.close();
        }
    }
}

/** An OCPP 1.6 charger on ocpp-rpc in strict mode that records what it receives and answers from a table. */
class Charger {
    constructor(cp, answers, password) {
        this.id = cp;
        this.answers = { ...answers };
        this.received = [];
        this.strictFailures = [];
        this.badMessages = [];
        this.client = new RPCClient({
            endpoint: wsBase,
            identity: cp,
            protocols: ['ocpp1.6'],
            strictMode: true,
            reconnect: false,
            callTimeoutMs: 15000,
            ...(password === undefined ? {} : { password }),
        });
        this.client.on('strictValidationFailure', ({ method, outbound, isCall, error }) => {
            this.strictFailures.push(`${outbound ? 'outbound' : 'inbound'} ${isCall ? 'CALL' : 'CALLRESULT'} ${method}: ${error?.message}`);
        });
        this.client.on('badMessage', ({ buffer, error }) => {
            this.badMessages.push(`${error?.message}: ${String(buffer).slice(0, 200)}`);
        });
        this.client.handle(async ({ method, params }) => {
            this.received.push({ action: method, params });
            const answer = this.answers[method];
            if (answer === undefined) {
                throw createRPCError('NotImplemented', `no answer configured for ${method}`);
            }

            return typeof answer === 'function' ? await answer(params) : answer;
        });
    }

    async connect() {
        await this.client.connect();
        check(this.client.protocol === 'ocpp1.6', `expected subprotocol ocpp1.6, got ${this.client.protocol}`);
    }

    async boot(extra = {}) {
        const r = await this.call('BootNotification', {
            chargePointVendor: 'ConformanceVendor',
            chargePointModel: 'Strict-1',
            chargePointSerialNumber: `SN-${this.id}`.slice(0, 25),
            firmwareVersion: '1.0.0',
            ...extra,
        });
        check(r.status === 'Accepted', `BootNotification: expected Accepted, got ${JSON.stringify(r)}`);
        return r;
    }

    async call(action, params) {
        const result = await this.client.call(action, params);
        this.assertClean(action);
        return result;
    }

    status(connectorId, status, extra = {}) {
        return this.call('StatusNotification', { connectorId, errorCode: 'NoError', status, timestamp: new Date().toISOString(), ...extra });
    }

    async startTransaction(idTag, { connectorId = 1, meterStart = 1000, timestamp = minutesAgo(1), reservationId } = {}) {
        const r = await this.call('StartTransaction', {
            connectorId, idTag, meterStart, timestamp, ...(reservationId === undefined ? {} : { reservationId }),
        });
        check(Number.isInteger(r.transactionId), `StartTransaction: no integer transactionId in ${JSON.stringify(r)}`);
        return r;
    }

    stopTransaction(transactionId, { meterStop = 2000, reason = 'Local', idTag, timestamp = new Date().toISOString(), transactionData } = {}) {
        return this.call('StopTransaction', {
            transactionId, meterStop, timestamp, reason,
            ...(idTag === undefined ? {} : { idTag }),
            ...(transactionData === undefined ? {} : { transactionData }),
        });
    }

    /** The calls of this action the charger received so far. */
    calls(action) {
        return this.received.filter(c => c.action === action);
    }

    async waitForCall(action, what = action, timeoutMs = 10000) {
        const before = this.calls(action).length;
        await eventually(() => this.calls(action).length > before, `${what} to reach the charger`, timeoutMs);
        return this.calls(action).at(-1);
    }

    assertClean(context) {
        check(this.strictFailures.length === 0, `${context}: strict validation failed: ${this.strictFailures.join('; ')}`);
    }

    async close() {
        this.assertClean('close');
        if (this.client.state === RPCClient.OPEN || this.client.state === 1) {
            await this.client.close({ code: 1000, reason: 'case done' }).catch(() => {});
        }
    }
}

/** A plain WebSocket client that collects every frame it receives. */
class RawSocket {
    constructor(url, protocols, headers) {
        this.frames = [];
        this.closed = null;
        this.socket = new WebSocket(url, protocols, { headers });
        this.opened = new Promise((resolve, reject) => {
            this.socket.once('open', resolve);
            this.socket.once('unexpected-response', (_, response) => reject(new CaseError(`upgrade refused with HTTP ${response.statusCode}`)));
            this.socket.once('error', reject);
        });
        this.socket.on('message', data => this.frames.push(String(data)));
        this.socket.on('close', code => {
            this.closed = code;
        });
    }

    get protocol() {
        return this.socket.protocol;
    }

    /** Sends text and waits for the next frame (parsed) whose unique id is expectedId. */
    async exchange(text, expectedId) {
        const start = this.frames.length;
        this.socket.send(text);
        return eventually(() => {
            for (const frame of this.frames.slice(start)) {
                try {
                    const parsed = JSON.parse(frame);
                    if (Array.isArray(parsed) && parsed[1] === expectedId) {
                        return parsed;
                    }
                } catch {
                    // not JSON: not the answer
                }
            }

            return undefined;
        }, `an answer with unique id ${JSON.stringify(expectedId)} to ${text.slice(0, 80)}`);
    }

    close() {
        if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) {
            this.socket.terminate();
        }
    }
}

/** Expects a CALLERROR [4, id, code, description, details] with the given code. */
function checkCallError(frame, id, code) {
    check(Array.isArray(frame) && frame.length === 5 && frame[0] === 4, `expected a CALLERROR frame, got ${JSON.stringify(frame)}`);
    checkEqual(frame[1], id, 'CALLERROR unique id');
    checkEqual(frame[2], code, 'CALLERROR errorCode');
    check(typeof frame[3] === 'string' && typeof frame[4] === 'object' && frame[4] !== null && !Array.isArray(frame[4]),
        `CALLERROR description must be a string and details an object: ${JSON.stringify(frame)}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Minimal DER writer: a PKCS#10 request (SignCertificate) and a self-signed root (InstallCertificate) without any
// package beyond node:crypto.

function derLength(n) {
    if (n < 0x80) {
        return Buffer.from([n]);
    }

    const bytes = [];
    for (let x = n; x > 0; x >>= 8) {
        bytes.unshift(x & 0xff);
    }

    return Buffer.from([0x80 | bytes.length, ...bytes]);
}

const der = (tag, ...parts) => {
    const body = Buffer.concat(parts);
    return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
};
const derSeq = (...parts) => der(0x30, ...parts);
const derSet = (...parts) => der(0x31, ...parts);
const derInt = bytes => der(0x02, Buffer.from(bytes));
const derUtf8 = text => der(0x0c, Buffer.from(text, 'utf8'));
const derBits = bytes => der(0x03, Buffer.from([0]), bytes);

function derOid(dotted) {
    const arcs = dotted.split('.').map(Number);
    const out = [40 * arcs[0] + arcs[1]];
    for (const arc of arcs.slice(2)) {
        const group = [arc & 0x7f];
        for (let x = arc >> 7; x > 0; x >>= 7) {
            group.unshift((x & 0x7f) | 0x80);
        }

        out.push(...group);
    }

    return der(0x06, Buffer.from(out));
}

const ecdsaWithSha256 = derSeq(derOid('1.2.840.10045.4.3.2'));

function derName(commonName, organization) {
    return derSeq(
        ...(organization ? [derSet(derSeq(derOid('2.5.4.10'), derUtf8(organization)))] : []),
        derSet(derSeq(derOid('2.5.4.3'), derUtf8(commonName))));
}

function derUtcTime(date) {
    const iso = date.toISOString();
    return der(0x17, Buffer.from(`${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`, 'ascii'));
}

function pem(label, bytes) {
    const lines = bytes.toString('base64').match(/.{1,64}/g).join('\n');
    return `-----BEGIN ${label}-----\n${lines}\n-----END ${label}-----\n`;
}

function newEcKey() {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    return { privateKey, publicKey, spki: publicKey.export({ type: 'spki', format: 'der' }) };
}

/** A PKCS#10 certificate signing request for CN=commonName, O=organization on a new P-256 key. */
function certificateSigningRequest(commonName, organization) {
    const key = newEcKey();
    const info = derSeq(derInt([0]), derName(commonName, organization), key.spki, der(0xa0));
    const signature = sign('sha256', info, key.privateKey);
    return { key, pem: pem('CERTIFICATE REQUEST', derSeq(info, ecdsaWithSha256, derBits(signature))) };
}

/** A self-signed CA certificate (P-256, SHA-256) valid from a day ago for a year. */
function selfSignedRoot(commonName) {
    const key = newEcKey();
    const name = derName(commonName);
    const serial = randomBytes(8);
    serial[0] = (serial[0] & 0x7f) | 0x01;
    const basicConstraintsCa = derSeq(derOid('2.5.29.19'), der(0x01, Buffer.from([0xff])), der(0x04, derSeq(der(0x01, Buffer.from([0xff])))));
    const tbs = derSeq(
        der(0xa0, derInt([2])),
        derInt(serial),
        ecdsaWithSha256,
        name,
        derSeq(derUtcTime(new Date(Date.now() - 86_400_000)), derUtcTime(new Date(Date.now() + 365 * 86_400_000))),
        name,
        key.spki,
        der(0xa3, derSeq(basicConstraintsCa)));
    const signature = sign('sha256', tbs, key.privateKey);
    const certPem = pem('CERTIFICATE', derSeq(tbs, ecdsaWithSha256, derBits(signature)));
    const x509 = new X509Certificate(certPem);
    check(x509.verify(key.publicKey), 'the generated self-signed certificate does not verify');
    return {
        pem: certPem,
        serialNumber: serial.toString('hex').replace(/^0+/, ''),
        issuerNameHash: createHash('sha256').update(name).digest('hex'),
        // The public key bits of an uncompressed P-256 SPKI are its last 65 bytes.
        issuerKeyHash: createHash('sha256').update(key.spki.subarray(key.spki.length - 65)).digest('hex'),
    };
}

// ---------------------------------------------------------------------------------------------------------------
// Shared steps

const chargingProfile = (id, purpose, limit, extra = {}) => ({
    chargingProfileId: id,
    stackLevel: 0,
    chargingProfilePurpose: purpose,
    chargingProfileKind: 'Absolute',
    chargingSchedule: { chargingRateUnit: 'A', startSchedule: minutesAgo(1), chargingSchedulePeriod: [{ startPeriod: 0, limit }] },
    ...extra,
});

/** Boot, Available, Authorize, StartTransaction, Charging: returns the charger, its idTag and transaction id. */
async function startCharging(ctx, { cp = ctx.cp(), answers = {}, connectorId = 1, meterStart = 1000 } = {}) {
    const idTag = await ctx.putIdTag(ctx.tag(cp), 'Accepted');
    const charger = await ctx.charger(cp, { answers });
    await charger.status(connectorId, 'Preparing');
    const auth = await charger.call('Authorize', { idTag });
    checkEqual(auth.idTagInfo.status, 'Accepted', 'Authorize idTagInfo.status');
    const started = await charger.startTransaction(idTag, { connectorId, meterStart });
    checkEqual(started.idTagInfo.status, 'Accepted', 'StartTransaction idTagInfo.status');
    await charger.status(connectorId, 'Charging');
    return { charger, idTag, transactionId: started.transactionId };
}

async function checkOpenTransaction(ctx, cp, transactionId, idTag, connectorId = 1) {
    const tx = await ctx.get(`/api/v1/transactions/${transactionId}`);
    checkEqual([tx.chargePointId, tx.connectorId, tx.idTag, tx.stopTime ?? null], [cp, connectorId, idTag, null], `transaction ${transactionId} (chargePointId, connectorId, idTag, stopTime)`);
    const connector = await ctx.connector(cp, connectorId);
    checkEqual([connector?.status, connector?.transactionId], ['Charging', transactionId], `connector ${connectorId} (status, transactionId)`);
    return tx;
}

async function checkStoppedTransaction(ctx, transactionId, { reason, meterStart = 1000, meterStop = 2000 }) {
    const tx = await eventually(async () => {
        const t = await ctx.get(`/api/v1/transactions/${transactionId}`);
        return t.stopTime ? t : undefined;
    }, `transaction ${transactionId} to show as stopped`);
    checkEqual([tx.stopReason, tx.meterStart, tx.meterStop, tx.energyWh], [reason, meterStart, meterStop, meterStop - meterStart], `transaction ${transactionId} (stopReason, meterStart, meterStop, energyWh)`);
    return tx;
}

async function checkConnectorStatus(ctx, cp, connectorId, status) {
    const connector = await eventually(async () => {
        const c = await ctx.connector(cp, connectorId);
        return c?.status === status ? c : undefined;
    }, `connector ${connectorId} of ${cp} to show ${status}`);
    return connector;
}

async function statusEvents(ctx, cp) {
    const events = await ctx.details(cp, 'status-events');
    return events.map(e => `${e.kind}:${e.status}${e.requestId === undefined || e.requestId === null ? '' : `#${e.requestId}`}`);
}

/** ChangeAvailability answered with the given status; returns the API's availability record of the connector. */
async function changeAvailability(ctx, status, connectorId, type) {
    const cp = ctx.cp();
    const charger = await ctx.charger(cp, { answers: { ChangeAvailability: { status } } });
    const answer = await ctx.command(cp, 'availability', { connectorId, type });
    checkEqual(answer, { status }, 'ChangeAvailability answer');
    checkEqual(charger.calls('ChangeAvailability').map(c => c.params), [{ connectorId, type }], 'ChangeAvailability payload received');
    const details = await ctx.details(cp, 'details');
    return details.availability?.[String(connectorId)];
}

async function firmwareUpdate(ctx, statuses) {
    const cp = ctx.cp();
    const charger = await ctx.charger(cp, { answers: { UpdateFirmware: {} } });
    const request = { location: 'https://firmware.example.com/cp-2.0.bin', retrieveDate: minutesAgo(0), retries: 1, retryInterval: 30 };
    checkEqual(await ctx.command(cp, 'firmware', request), {}, 'UpdateFirmware answer');
    checkEqual(charger.calls('UpdateFirmware')[0]?.params, request, 'UpdateFirmware payload received');
    for (const status of statuses) {
        checkEqual(await charger.call('FirmwareStatusNotification', { status }), {}, `FirmwareStatusNotification ${status} answer`);
    }

    checkEqual(await statusEvents(ctx, cp), statuses.map(s => `Firmware:${s}`), 'status events');
    return charger;
}

async function diagnostics(ctx, statuses) {
    const cp = ctx.cp();
    const charger = await ctx.charger(cp, { answers: { GetDiagnostics: { fileName: 'diagnostics.zip' } } });
    const request = { location: 'ftp://diagnostics.example.com/upload/', startTime: minutesAgo(60), stopTime: minutesAgo(0) };
    checkEqual(await ctx.command(cp, 'diagnostics', request), { fileName: 'diagnostics.zip' }, 'GetDiagnostics answer');
    checkEqual(charger.calls('GetDiagnostics')[0]?.params, request, 'GetDiagnostics payload received');
    for (const status of statuses) {
        checkEqual(await charger.call('DiagnosticsStatusNotification', { status }), {}, `DiagnosticsStatusNotification ${status} answer`);
    }

    checkEqual(await statusEvents(ctx, cp), statuses.map(s => `Diagnostics:${s}`), 'status events');
}

async function reserveWith(ctx, status, connectorId = 1) {
    const cp = ctx.cp();
    const idTag = await ctx.putIdTag(ctx.tag(), 'Accepted');
    const charger = await ctx.charger(cp, { answers: { ReserveNow: { status } } });
    const request = { connectorId, expiryDate: minutesAhead(30), idTag, reservationId: reservationIdFor(ctx) };
    checkEqual(await ctx.command(cp, 'reservations/reserve', request), { status }, 'ReserveNow answer');
    checkEqual(charger.calls('ReserveNow')[0]?.params, request, 'ReserveNow payload received');
    return { charger, idTag, request, reservations: await ctx.details(cp, 'reservations') };
}

function reservationIdFor(ctx, n = 0) {
    return (createHash('sha1').update(`${args.prefix}/${ctx.caseId}/${n}`).digest().readUInt32BE(0) & 0x3fffffff) + 1;
}

function setLocalList(ctx, status) {
    return ctx.charger(ctx.cp(), { answers: { SendLocalList: { status }, GetLocalListVersion: { listVersion: 0 } } });
}

async function localList(ctx, cp) {
    const list = await ctx.details(cp, 'local-list');
    return { version: list.version, entries: list.entries.map(e => `${e.idTag}:${e.idTagInfo?.status ?? e.status ?? '-'}`).sort() };
}

async function remoteStart(ctx, { pluggedFirst }) {
    const cp = ctx.cp();
    const idTag = await ctx.putIdTag(ctx.tag(), 'Accepted');
    const charger = await ctx.charger(cp, { answers: { RemoteStartTransaction: { status: 'Accepted' } } });
    if (pluggedFirst) {
        await charger.status(1, 'Preparing');
    }

    checkEqual(await ctx.command(cp, 'remote-start', { connectorId: 1, idTag }), { status: 'Accepted' }, 'RemoteStartTransaction answer');
    checkEqual(charger.calls('RemoteStartTransaction')[0]?.params, { connectorId: 1, idTag }, 'RemoteStartTransaction payload received');
    if (!pluggedFirst) {
        await charger.status(1, 'Preparing');
    }

    checkEqual((await charger.call('Authorize', { idTag })).idTagInfo.status, 'Accepted', 'Authorize idTagInfo.status');
    const started = await charger.startTransaction(idTag);
    checkEqual(started.idTagInfo.status, 'Accepted', 'StartTransaction idTagInfo.status');
    await charger.status(1, 'Charging');
    await checkOpenTransaction(ctx, cp, started.transactionId, idTag);
}

async function unlock(ctx, status, connectorId = 1) {
    const cp = ctx.cp();
    const charger = await ctx.charger(cp, { answers: { UnlockConnector: { status } } });
    await charger.status(1, 'Available');
    checkEqual(await ctx.command(cp, 'unlock', { connectorId }), { status }, 'UnlockConnector answer');
    checkEqual(charger.calls('UnlockConnector').map(c => c.params), [{ connectorId }], 'UnlockConnector payload received');
}

const chargerConfiguration = [
    { key: 'HeartbeatInterval', readonly: false, value: '300' },
    { key: 'MeterValueSampleInterval', readonly: false, value: '60' },
    { key: 'NumberOfConnectors', readonly: true, value: '2' },
];

async function configuredCharger(ctx, changeStatus) {
    const cp = ctx.cp();
    const charger = await ctx.charger(cp, {
        answers: {
            GetConfiguration: params => {
                const wanted = params.key ?? [];
                return wanted.length === 0
                    ? { configurationKey: chargerConfiguration, unknownKey: [] }
                    : { configurationKey: chargerConfiguration.filter(c => wanted.includes(c.key)), unknownKey: wanted.filter(k => !chargerConfiguration.some(c => c.key === k)) };
            },
            ChangeConfiguration: { status: changeStatus },
        },
    });
    checkEqual(await ctx.command(cp, 'configuration/get', {}), { configurationKey: chargerConfiguration, unknownKey: [] }, 'GetConfiguration answer');
    return { cp, charger };
}

/** The cached configuration without the server's own bookkeeping (updatedAt). */
async function cachedConfiguration(ctx, cp) {
    return (await ctx.details(cp, 'configuration')).map(({ key, readonly, value }) => ({ key, readonly, value }));
}

async function configurationValue(ctx, cp, key) {
    const config = await ctx.details(cp, 'configuration');
    return config.find(c => c.key === key)?.value;
}

async function installCertificate(ctx, certificateType) {
    const cp = ctx.cp();
    const root = selfSignedRoot(`Conformance ${certificateType}`);
    const hashData = { hashAlgorithm: 'SHA256', issuerNameHash: root.issuerNameHash, issuerKeyHash: root.issuerKeyHash, serialNumber: root.serialNumber };
    const charger = await ctx.charger(cp, {
        answers: {
            InstallCertificate: { status: 'Accepted' },
            GetInstalledCertificateIds: { status: 'Accepted', certificateHashData: [hashData] },
        },
    });
    checkEqual(await ctx.command(cp, 'certificates/install', { certificateType, certificate: root.pem }), { status: 'Accepted' }, 'InstallCertificate answer');
    checkEqual(charger.calls('InstallCertificate')[0]?.params, { certificateType, certificate: root.pem }, 'InstallCertificate payload received');
    let certificates = await ctx.details(cp, 'certificates');
    const installed = certificates.find(c => c.serialNumber === root.serialNumber);
    check(installed !== undefined, `the installed certificate (serial ${root.serialNumber}) is not listed: ${JSON.stringify(certificates)}`);
    checkEqual([installed.issuerNameHash, installed.issuerKeyHash], [root.issuerNameHash, root.issuerKeyHash], 'installed certificate hashes');

    const listed = await ctx.command(cp, 'certificates/list', { certificateType });
    checkEqual(listed, { status: 'Accepted', certificateHashData: [hashData] }, 'GetInstalledCertificateIds answer');
    certificates = await ctx.details(cp, 'certificates');
    check(certificates.some(c => c.serialNumber === root.serialNumber && c.issuerNameHash === root.issuerNameHash),
        `after GetInstalledCertificateIds the certificate is no longer listed: ${JSON.stringify(certificates)}`);
    return { charger, hashData };
}

/** ExtendedTriggerMessage(SignChargePointCertificate) -> SignCertificate -> CertificateSigned, answered certificateSignedStatus. */
async function renewCertificate(ctx, certificateSignedStatus) {
    const cp = ctx.cp();
    let csr;
    let charger;
    const signed = new Promise(resolve => {
        ctx.onCertificateSigned = resolve;
    });
    charger = await ctx.charger(cp, {
        answers: {
            ExtendedTriggerMessage: params => {
                if (params.requestedMessage === 'SignChargePointCertificate') {
                    // As a charger does: answer first, then send the request.
                    setImmediate(async () => {
                        csr = certificateSigningRequest(cp, 'Conformance CPO');
                        ctx.signAnswer = await charger.call('SignCertificate', { csr: csr.pem }).catch(e => ({ error: e.message }));
                    });
                }

                return { status: 'Accepted' };
            },
            CertificateSigned: params => {
                ctx.onCertificateSigned(params);
                return { status: certificateSignedStatus };
            },
        },
    });
    checkEqual(await ctx.command(cp, 'trigger/extended', { requestedMessage: 'SignChargePointCertificate' }), { status: 'Accepted' }, 'ExtendedTriggerMessage answer');
    await eventually(() => ctx.signAnswer, 'the SignCertificate answer');
    checkEqual(ctx.signAnswer, { status: 'Accepted' }, 'SignCertificate answer');
    const params = await Promise.race([signed, sleepTick(10000).then(() => undefined)]);
    check(params !== undefined, 'no CertificateSigned within 10 s of the accepted SignCertificate');
    const chain = params.certificateChain.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    check(chain.length >= 1, `CertificateSigned carries no PEM certificate: ${params.certificateChain.slice(0, 200)}`);
    const leaf = new X509Certificate(chain[0]);
    check(leaf.subject.split('\n').includes(`CN=${cp}`), `the signed certificate's subject is ${leaf.subject}, expected CN=${cp}`);
    checkEqual(leaf.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), csr.key.spki.toString('base64'), 'signed certificate public key (= the CSR key)');
    if (chain.length > 1) {
        check(leaf.verify(new X509Certificate(chain[1]).publicKey), 'the leaf is not signed by the next certificate of the chain');
    }

    // The delivery of the queued CertificateSigned is recorded with the charger's answer.
    await eventually(async () => {
        const queued = await ctx.get(`/api/v1/chargepoints/${encodeURIComponent(cp)}/commands/queued`);
        const items = Array.isArray(queued) ? queued : (queued.items ?? []);
        const done = items.find(q => q.action === 'CertificateSigned' && q.status === 'Completed');
        return done ? JSON.parse(done.resultJson) : undefined;
    }, 'the queued CertificateSigned to show as Completed').then(result =>
        checkEqual(result, { status: certificateSignedStatus }, 'recorded CertificateSigned answer'));
    return { cp, charger };
}

// ---------------------------------------------------------------------------------------------------------------
// The cases. Titles of TC_ cases follow the OCA "OCPP 1.6 Compliancy Testing Tool - Test Case Document" (CSMS part).

const cases = new Map();
const knownIssues = new Map();

/** Registers a case; one with a knownIssue fails against the current server and runs only when named with --case. */
function testCase(id, title, run, knownIssue) {
    cases.set(id, { id, title, run, knownIssue });
    if (knownIssue) {
        knownIssues.set(id, knownIssue);
    }
}

// --- Core: boot, authorization, sessions (charger-initiated)

testCase('TC_001_CSMS', 'Cold Boot Charge Point', async ctx => {
    const cp = ctx.cp();
    const charger = await ctx.charger(cp, { boot: false });
    const boot = await charger.boot({ chargeBoxSerialNumber: 'BOX-1', meterType: 'AC-Meter' });
    check(Number.isInteger(boot.interval) && boot.interval > 0, `BootNotification interval: expected a positive integer, got ${boot.interval}`);
    check(Math.abs(Date.parse(boot.currentTime) - Date.now()) < 60_000, `BootNotification currentTime is not now: ${boot.currentTime}`);
    for (const connectorId of [0, 1, 2]) {
        checkEqual(await charger.status(connectorId, 'Available'), {}, `StatusNotification ${connectorId} answer`);
    }

    const heartbeat = await charger.call('Heartbeat', {});
    check(Math.abs(Date.parse(heartbeat.currentTime) - Date.now()) < 60_000, `Heartbeat currentTime is not now: ${heartbeat.currentTime}`);
    const view = await ctx.chargePoint(cp);
    checkEqual([view.connected, view.ocppVersion], [true, 'ocpp1.6'], 'charge point (connected, ocppVersion)');
    checkEqual([view.boot?.vendor, view.boot?.model, view.boot?.serialNumber, view.boot?.firmwareVersion], ['ConformanceVendor', 'Strict-1', `SN-${cp}`.slice(0, 25), '1.0.0'], 'boot info');
    for (const connectorId of [1, 2]) {
        await checkConnectorStatus(ctx, cp, connectorId, 'Available');
    }
});

testCase('TC_003_CSMS', 'Regular Charging Session - Plugin First', async ctx => {
    const { transactionId, idTag } = await startCharging(ctx);
    await checkOpenTransaction(ctx, ctx.cp(), transactionId, idTag);
});

testCase('TC_004_1_CSMS', 'Regular Charging Session - Identification First', async ctx => {
    const cp = ctx.cp();
    const idTag = await ctx.putIdTag(ctx.tag(), 'Accepted');
    const charger = await ctx.charger(cp);
    checkEqual((await charger.call('Authorize', { idTag })).idTagInfo.status, 'Accepted', 'Authorize idTagInfo.status');
    await charger.status(1, 'Preparing');
    const started = await charger.startTransaction(idTag);
    await charger.status(1, 'Charging');
    await checkOpenTransaction(ctx, cp, started.transactionId, idTag);
});

testCase('TC_004_2_CSMS', 'Regular Charging Session - Identification First - ConnectionTimeOut', async ctx => {
    const cp = ctx.cp();
    const idTag = await ctx.putIdTag(ctx.tag(), 'Accepted');
    const charger = await ctx.charger(cp);
    checkEqual((await charger.call('Authorize', { idTag })).idTagInfo.status, 'Accepted', 'Authorize idTagInfo.status');
    await charger.status(1, 'Preparing');
    await checkConnectorStatus(ctx, cp, 1, 'Preparing');
    await charger.status(1, 'Available');
    const connector = await checkConnectorStatus(ctx, cp, 1, 'Available');
    checkEqual(connector.transactionId ?? null, null, 'connector transactionId');
    checkEqual(await ctx.transactionsOf(cp), [], 'transactions of the charge point');
});

testCase('TC_005_1_CSMS', 'EV Side Disconnected', async ctx => {
    const cp = ctx.cp();
    const { charger, idTag, transactionId } = await startCharging(ctx);
    await charger.status(1, 'SuspendedEV');
    const stop = await charger.stopTransaction(transactionId, { idTag, reason: 'EVDisconnected' });
    checkEqual(stop.idTagInfo?.status, 'Accepted', 'StopTransaction idTagInfo.status');
    await charger.status(1, 'Finishing');
    await charger.status(1, 'Available');
    await checkStoppedTransaction(ctx, transactionId, { reason: 'EVDisconnected' });
    const connector = await checkConnectorStatus(ctx, cp, 1, 'Available');
    checkEqual(connector.transactionId ?? null, null, 'connector transactionId after the stop');
});

testCase('TC_007_CSMS', 'Regular Start Charging Session - Cached Id', async ctx => {
    const cp = ctx.cp();
    const idTag = await ctx.putIdTag(ctx.tag(), 'Accepted');
    const charger = await ctx.charger(cp);
    await charger.status(1, 'Preparing');
    const started = await charger.startTransaction(idTag);
    checkEqual(started.idTagInfo.status, 'Accepted', 'StartTransaction idTagInfo.status');
    await charger.status(1, 'Charging');
    await checkOpenTransaction(ctx, cp, started.transactionId, idTag);
});

testCase('TC_023_1_CSMS', 'Start Charging Session - Authorize Invalid', async ctx => {
    const charger = await ctx.charger();
    const unknown = ctx.tag('never-registered');
    checkEqual((await charger.call('Authorize', { idTag: unknown })).idTagInfo.status, 'Invalid', 'Authorize of an unknown idTag');
    checkEqual(await ctx.transactionsOf(ctx.cp()), [], 'transactions');
});

testCase('TC_023_2_CSMS', 'Start Charging Session - Authorize Expired', async ctx => {
    const expired = await ctx.putIdTag(ctx.tag('x'), 'Accepted', { expiryDate: minutesAgo(60) });
    const charger = await ctx.charger();
    checkEqual((await charger.call('Authorize', { idTag: expired })).idTagInfo.status, 'Expired', 'Authorize of an idTag past its expiryDate');
    const explicit = await ctx.putIdTag(ctx.tag('y'), 'Expired');
    checkEqual((await charger.call('Authorize', { idTag: explicit })).idTagInfo.status, 'Expired', 'Authorize of an Expired idTag');
});

testCase('TC_023_3_CSMS', 'Start Charging Session - Authorize Blocked', async ctx => {
    const blocked = await ctx.putIdTag(ctx.tag(), 'Blocked');
    const charger = await ctx.charger();
    checkEqual((await charger.call('Authorize', { idTag: blocked })).idTagInfo.status, 'Blocked', 'Authorize of a Blocked idTag');
});

testCase('TC_032_1_CSMS', 'Power Failure Boot Charging Point - Stop Transactions', async ctx => {
    const cp = ctx.cp();
    const { charger, idTag, transactionId } = await startCharging(ctx);
    await charger.close();
    const rebooted = await ctx.charger(cp);
    await rebooted.status(1, 'Available');
    const stop = await rebooted.stopTransaction(transactionId, { idTag, reason: 'PowerLoss', timestamp: minutesAgo(0) });
    checkEqual(stop.idTagInfo?.status, 'Accepted', 'StopTransaction idTagInfo.status');
    await checkStoppedTransaction(ctx, transactionId, { reason: 'PowerLoss' });
    await checkConnectorStatus(ctx, cp, 1, 'Available');
});

testCase('TC_037_1_CSMS', 'Offline Start Transaction - Valid IdTag', async ctx => {
    const cp = ctx.cp();
    const idTag = await ctx.putIdTag(ctx.tag(), 'Accepted');
    const charger = await ctx.charger(cp);
    // Started while offline 20 minutes ago; the queued StartTransaction arrives now.
    const started = await charger.startTransaction(idTag, { timestamp: minutesAgo(20) });
    checkEqual(started.idTagInfo.status, 'Accepted', 'StartTransaction idTagInfo.status');
    await charger.status(1, 'Charging');
    const tx = await checkOpenTransaction(ctx, cp, started.transactionId, idTag);
    check(Math.abs(Date.parse(tx.startTime) - (Date.now() - 20 * 60_000)) < 60_000, `startTime should be the charger's (20 min ago), got ${tx.startTime}`);
});

testCase('TC_037_3_CSMS', 'Offline Start Transaction - Invalid IdTag - StopTransactionOnInvalidId = true', async ctx => {
    const cp = ctx.cp();
    const charger = await ctx.charger(cp);
    const unknown = ctx.tag('unknown');
    const started = await charger.startTransaction(unknown, { timestamp: minutesAgo(5) });
    checkEqual(started.idTagInfo.status, 'Invalid', 'StartTransaction idTagInfo.status of an unknown idTag');
    const stop = await charger.stopTransaction(started.transactionId, { reason: 'DeAuthorized', meterStop: 1100 });
    check(stop.idTagInfo === undefined || stop.idTagInfo.status !== undefined, `StopTransaction answer: ${JSON.stringify(stop)}`);
    await charger.status(1, 'Available');
    await checkStoppedTransaction(ctx, started.transactionId, { reason: 'DeAuthorized', meterStop: 1100 });
});

testCase('TC_039_CSMS', 'Offline Transaction', async ctx => {
    const cp = ctx.cp();
    const idTag = await ctx.putIdTag(ctx.tag(), 'Accepted');
    const charger = await ctx.charger(cp);
    const started = await charger.startTransaction(idTag, { timestamp: minutesAgo(40) });
    checkEqual(started.idTagInfo.status, 'Accepted', 'StartTransaction idTagInfo.status');
    await charger.call('MeterValues', {
        connectorId: 1, transactionId: started.transactionId,
        meterValue: [{ timestamp: minutesAgo(30), sampledValue: [{ value: '1500', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] }],
    });
    const stop = await charger.stopTransaction(started.transactionId, { idTag, reason: 'Local', timestamp: minutesAgo(20) });
    checkEqual(stop.idTagInfo?.status, 'Accepted', 'StopTransaction idTagInfo.status');
    const tx = await checkStoppedTransaction(ctx, started.transactionId, { reason: 'Local' });
    checkEqual(tx.meterValues?.map(m => m.sampledValue[0].value), ['1500'], 'meter values of the offline transaction');
});

testCase('TC_064_CSMS', 'Data Transfer to a Central System', async ctx => {
    const charger = await ctx.charger();
    const r = await charger.call('DataTransfer', { vendorId: 'com.example.conformance', messageId: 'Ping', data: '{"n":1}' });
    check(['Accepted', 'Rejected', 'UnknownMessageId', 'UnknownVendorId'].includes(r.status), `DataTransfer status: ${JSON.stringify(r)}`);
    checkEqual(r.status, 'UnknownVendorId', 'DataTransfer status for a vendor the CSMS does not know');
});

testCase('X_METER_VALUES_STORED', 'MeterValues during a transaction are stored as sent', async ctx => {
    const { charger, transactionId } = await startCharging(ctx);
    const sampledValue = [
        { value: '1400', context: 'Sample.Periodic', format: 'Raw', measurand: 'Energy.Active.Import.Register', location: 'Outlet', unit: 'Wh' },
        { value: '16.0', context: 'Sample.Periodic', measurand: 'Current.Import', phase: 'L1', unit: 'A' },
    ];
    checkEqual(await charger.call('MeterValues', { connectorId: 1, transactionId, meterValue: [{ timestamp: minutesAgo(0.5), sampledValue }] }), {}, 'MeterValues answer');
    // Connector-level values without a transaction are accepted too.
    checkEqual(await charger.call('MeterValues', { connectorId: 0, meterValue: [{ timestamp: minutesAgo(0.4), sampledValue: [{ value: '230', measurand: 'Voltage', unit: 'V' }] }] }), {}, 'MeterValues (connector 0) answer');
    const tx = await ctx.get(`/api/v1/transactions/${transactionId}`);
    const stored = tx.meterValues?.find(m => m.sampledValue.some(s => s.value === '1400'));
    check(stored !== undefined, `the meter value is not stored: ${JSON.stringify(tx.meterValues)}`);
    checkEqual(stored.sampledValue, sampledValue, 'stored sampled values');
});

testCase('X_TRANSACTION_REPLAY_IDEMPOTENT', 'Replayed StartTransaction, MeterValues and StopTransaction are not counted twice', async ctx => {
    const cp = ctx.cp();
    const idTag = await ctx.putIdTag(ctx.tag(), 'Accepted');
    const charger = await ctx.charger(cp);
    const timestamp = minutesAgo(3);
    const first = await charger.startTransaction(idTag, { timestamp });
    // The charger lost the answer and sends the same request again after a reconnect.
    await charger.close();
    const again = await ctx.charger(cp, { boot: false });
    const second = await again.startTransaction(idTag, { timestamp });
    checkEqual(second.transactionId, first.transactionId, 'transactionId of the replayed StartTransaction');
    const meterValues = { connectorId: 1, transactionId: first.transactionId, meterValue: [{ timestamp: minutesAgo(2), sampledValue: [{ value: '1500', unit: 'Wh' }] }] };
    await again.call('MeterValues', meterValues);
    await again.call('MeterValues', meterValues);
    const stop = { reason: 'Local', idTag, timestamp: minutesAgo(1) };
    await again.stopTransaction(first.transactionId, stop);
    await again.stopTransaction(first.transactionId, stop);
    checkEqual((await ctx.transactionsOf(cp)).map(t => t.id), [first.transactionId], 'transactions of the charge point');
    const tx = await checkStoppedTransaction(ctx, first.transactionId, { reason: 'Local' });
    checkEqual(tx.meterValues?.length, 1, 'stored meter values after a replayed MeterValues');
});

// --- Remote start / stop, reset, unlock (CSMS-initiated through the API)

testCase('TC_010_CSMS', 'Remote Start Charging Session - Cable Plugged in First', ctx => remoteStart(ctx, { pluggedFirst: true }));

testCase('TC_011_1_CSMS', 'Remote Start Charging Session - Remote Start First', ctx => remoteStart(ctx, { pluggedFirst: false }));

testCase('TC_011_2_CSMS', 'Remote Start Charging Session - Time Out', async ctx => {
    const cp = ctx.cp();
    const idTag = await ctx.putIdTag(ctx.tag(), 'Accepted');
    const charger = await ctx.charger(cp, { answers: { RemoteStartTransaction: { status: 'Accepted' } } });
    checkEqual(await ctx.command(cp, 'remote-start', { connectorId: 1, idTag }), { status: 'Accepted' }, 'RemoteStartTransaction answer');
    await charger.status(1, 'Preparing');
    // No cable within ConnectionTimeOut: the charger returns to Available without a transaction.
    await charger.status(1, 'Available');
    await checkConnectorStatus(ctx, cp, 1, 'Available');
    checkEqual(await ctx.transactionsOf(cp), [], 'transactions of the charge point');
});

testCase('TC_012_CSMS', 'Remote Stop Charging Session', async ctx => {
    const cp = ctx.cp();
    const { charger, idTag, transactionId } = await startCharging(ctx, { answers: { RemoteStopTransaction: { status: 'Accepted' } } });
    checkEqual(await ctx.command(cp, 'remote-stop', { transactionId }), { status: 'Accepted' }, 'RemoteStopTransaction answer');
    checkEqual(charger.calls('RemoteStopTransaction')[0]?.params, { transactionId }, 'RemoteStopTransaction payload received');
    await charger.status(1, 'Finishing');
    await charger.stopTransaction(transactionId, { idTag, reason: 'Remote' });
    await charger.status(1, 'Available');
    await checkStoppedTransaction(ctx, transactionId, { reason: 'Remote' });
});

testCase('TC_013_CSMS', 'Hard Reset', async ctx => {
    const cp = ctx.cp();
    const { charger, idTag, transactionId } = await startCharging(ctx, { answers: { Reset: { status: 'Accepted' } } });
    checkEqual(await ctx.command(cp, 'reset', { type: 'Hard' }), { status: 'Accepted' }, 'Reset answer');
    checkEqual(charger.calls('Reset')[0]?.params, { type: 'Hard' }, 'Reset payload received');
    await charger.close();
    await eventually(async () => !(await ctx.chargePoint(cp)).connected, 'the charger to show as disconnected during the reboot');
    const rebooted = await ctx.charger(cp);
    await rebooted.stopTransaction(transactionId, { idTag, reason: 'HardReset' });
    await rebooted.status(1, 'Available');
    await checkStoppedTransaction(ctx, transactionId, { reason: 'HardReset' });
    checkEqual((await ctx.chargePoint(cp)).connected, true, 'connected after the reboot');
});

testCase('TC_014_CSMS', 'Soft Reset', async ctx => {
    const cp = ctx.cp();
    const { charger, idTag, transactionId } = await startCharging(ctx, { answers: { Reset: { status: 'Accepted' } } });
    checkEqual(await ctx.command(cp, 'reset', { type: 'Soft' }), { status: 'Accepted' }, 'Reset answer');
    await charger.stopTransaction(transactionId, { idTag, reason: 'SoftReset' });
    await charger.close();
    const rebooted = await ctx.charger(cp);
    await rebooted.status(1, 'Available');
    await checkStoppedTransaction(ctx, transactionId, { reason: 'SoftReset' });
    await checkConnectorStatus(ctx, cp, 1, 'Available');
});

testCase('X_RESET_REJECTED', 'Reset - Rejected', async ctx => {
    const cp = ctx.cp();
    await ctx.charger(cp, { answers: { Reset: { status: 'Rejected' } } });
    checkEqual(await ctx.command(cp, 'reset', { type: 'Soft' }), { status: 'Rejected' }, 'Reset answer');
    checkEqual((await ctx.chargePoint(cp)).connected, true, 'connected after a rejected reset');
});

testCase('TC_017_1_CSMS', 'Unlock Connector - No Charging Session Running (Not Fixed Cable)', ctx => unlock(ctx, 'Unlocked'));

testCase('TC_017_2_CSMS', 'Unlock Connector - No Charging Session Running (Fixed Cable)', ctx => unlock(ctx, 'NotSupported'));

testCase('TC_018_1_CSMS', 'Unlock Connector - With Charging Session', async ctx => {
    const cp = ctx.cp();
    const { charger, idTag, transactionId } = await startCharging(ctx, { answers: { UnlockConnector: { status: 'Unlocked' } } });
    checkEqual(await ctx.command(cp, 'unlock', { connectorId: 1 }), { status: 'Unlocked' }, 'UnlockConnector answer');
    await charger.stopTransaction(transactionId, { idTag, reason: 'UnlockCommand' });
    await charger.status(1, 'Available');
    await checkStoppedTransaction(ctx, transactionId, { reason: 'UnlockCommand' });
});

testCase('TC_030_CSMS', 'Unlock Connector - Unlock Failure', ctx => unlock(ctx, 'UnlockFailed'));

testCase('TC_031_CSMS', 'Unlock Connector - Unknown Connector', ctx => unlock(ctx, 'NotSupported', 9));

testCase('TC_026_CSMS', 'Remote Start Charging Session - Rejected', async ctx => {
    const cp = ctx.cp();
    const idTag = await ctx.putIdTag(ctx.tag(), 'Accepted');
    await ctx.charger(cp, { answers: { RemoteStartTransaction: { status: 'Rejected' } } });
    checkEqual(await ctx.command(cp, 'remote-start', { connectorId: 1, idTag }), { status: 'Rejected' }, 'RemoteStartTransaction answer');
    checkEqual(await ctx.transactionsOf(cp), [], 'transactions');
});

testCase('TC_028_CSMS', 'Remote Stop Transaction - Rejected', async ctx => {
    const cp = ctx.cp();
    const { transactionId, idTag } = await startCharging(ctx, { answers: { RemoteStopTransaction: { status: 'Rejected' } } });
    checkEqual(await ctx.command(cp, 'remote-stop', { transactionId }), { status: 'Rejected' }, 'RemoteStopTransaction answer');
    await checkOpenTransaction(ctx, cp, transactionId, idTag);
});

testCase('TC_059_CSMS', 'Remote Start Transaction with Charging Profile', async ctx => {
    const cp = ctx.cp();
    const idTag = await ctx.putIdTag(ctx.tag(), 'Accepted');
    const charger = await ctx.charger(cp, { answers: { RemoteStartTransaction: { status: 'Accepted' } } });
    const profile = chargingProfile(reservationIdFor(ctx), 'TxProfile', 16);
    const request = { connectorId: 1, idTag, chargingProfile: profile };
    checkEqual(await ctx.command(cp, 'remote-start', request), { status: 'Accepted' }, 'RemoteStartTransaction answer');
    checkEqual(charger.calls('RemoteStartTransaction')[0]?.params, request, 'RemoteStartTransaction payload (with the TxProfile) received');
    await charger.status(1, 'Preparing');
    const started = await charger.startTransaction(idTag);
    await charger.status(1, 'Charging');
    await checkOpenTransaction(ctx, cp, started.transactionId, idTag);
});

testCase('X_REMOTE_START_TX_PROFILE_LISTED', 'The TxProfile of an accepted RemoteStartTransaction is listed with its transaction', async ctx => {
    const cp = ctx.cp();
    const idTag = await ctx.putIdTag(ctx.tag(), 'Accepted');
    const charger = await ctx.charger(cp, { answers: { RemoteStartTransaction: { status: 'Accepted' } } });
    const profile = chargingProfile(reservationIdFor(ctx), 'TxProfile', 16);
    checkEqual(await ctx.command(cp, 'remote-start', { connectorId: 1, idTag, chargingProfile: profile }), { status: 'Accepted' }, 'RemoteStartTransaction answer');
    const started = await charger.startTransaction(idTag);
    await charger.status(1, 'Charging');
    const profiles = await ctx.details(cp, 'charging-profiles');
    checkEqual(profiles.map(p => [p.connectorId, p.chargingProfileId, p.purpose, p.transactionId]), [[1, profile.chargingProfileId, 'TxProfile', started.transactionId]],
        'GET .../charging-profiles after the remote-started transaction began (OCPP 1.6 5.11: the charger applies the RemoteStartTransaction TxProfile to that transaction)');
    await charger.stopTransaction(started.transactionId, { idTag, reason: 'Local' });
    await eventually(async () => (await ctx.details(cp, 'charging-profiles')).length === 0, 'the TxProfile to end with its transaction');
});

testCase('X_MESSAGES_BEFORE_BOOT', 'A reconnecting charger may send StatusNotification and Heartbeat before (or without) a BootNotification', async ctx => {
    const cp = ctx.cp();
    const charger = await ctx.charger(cp, { boot: false });
    checkEqual(await charger.status(1, 'Available'), {}, 'StatusNotification answer before a boot');
    const heartbeat = await charger.call('Heartbeat', {});
    check(typeof heartbeat.currentTime === 'string', `Heartbeat answer: ${JSON.stringify(heartbeat)}`);
    await checkConnectorStatus(ctx, cp, 1, 'Available');
    checkEqual((await ctx.chargePoint(cp)).connected, true, 'connected');
});

testCase('X_STOP_UNKNOWN_TRANSACTION', 'StopTransaction for a transaction the CSMS does not know is still answered', async ctx => {
    const idTag = await ctx.putIdTag(ctx.tag(), 'Accepted');
    const charger = await ctx.charger();
    const stop = await charger.stopTransaction(2_000_000_000 - (reservationIdFor(ctx) % 1000), { idTag, reason: 'Local' });
    check(stop.idTagInfo === undefined || typeof stop.idTagInfo.status === 'string', `StopTransaction answer: ${JSON.stringify(stop)}`);
});

testCase('X_CONCURRENT_TX', 'StartTransaction with an idTag already charging on another connector is ConcurrentTx', async ctx => {
    const cp = ctx.cp();
    const { charger, idTag } = await startCharging(ctx);
    const second = await charger.startTransaction(idTag, { connectorId: 2, timestamp: minutesAgo(0.5) });
    checkEqual(second.idTagInfo.status, 'ConcurrentTx', 'StartTransaction idTagInfo.status on the second connector');
    check(second.transactionId > 0, 'a transaction id is still given');
    checkEqual((await ctx.transactionsOf(cp)).length, 2, 'transactions of the charge point');
});

// --- Configuration, cache, data transfer, availability

testCase('TC_019_1_CSMS', 'Retrieve all configuration keys', async ctx => {
    const { cp } = await configuredCharger(ctx, 'Accepted');
    checkEqual(await cachedConfiguration(ctx, cp), chargerConfiguration, 'cached configuration');
});

testCase('TC_019_2_CSMS', 'Retrieve specific configuration key', async ctx => {
    const cp = ctx.cp();
    const charger = await ctx.charger(cp, {
        answers: { GetConfiguration: { configurationKey: [chargerConfiguration[1]], unknownKey: ['NoSuchKey'] } },
    });
    const answer = await ctx.command(cp, 'configuration/get', { key: ['MeterValueSampleInterval', 'NoSuchKey'] });
    checkEqual(answer, { configurationKey: [chargerConfiguration[1]], unknownKey: ['NoSuchKey'] }, 'GetConfiguration answer');
    checkEqual(charger.calls('GetConfiguration')[0]?.params, { key: ['MeterValueSampleInterval', 'NoSuchKey'] }, 'GetConfiguration payload received');
    checkEqual(await configurationValue(ctx, cp, 'MeterValueSampleInterval'), '60', 'cached MeterValueSampleInterval');
});

testCase('TC_021_CSMS', 'Change/set Configuration', async ctx => {
    const { cp, charger } = await configuredCharger(ctx, 'Accepted');
    checkEqual(await ctx.command(cp, 'configuration/change', { key: 'MeterValueSampleInterval', value: '15' }), { status: 'Accepted' }, 'ChangeConfiguration answer');
    checkEqual(charger.calls('ChangeConfiguration')[0]?.params, { key: 'MeterValueSampleInterval', value: '15' }, 'ChangeConfiguration payload received');
    checkEqual(await configurationValue(ctx, cp, 'MeterValueSampleInterval'), '15', 'cached value after an Accepted change');
});

testCase('X_CHANGE_CONFIGURATION_REBOOT_REQUIRED', 'Change Configuration - RebootRequired', async ctx => {
    const { cp } = await configuredCharger(ctx, 'RebootRequired');
    checkEqual(await ctx.command(cp, 'configuration/change', { key: 'HeartbeatInterval', value: '120' }), { status: 'RebootRequired' }, 'ChangeConfiguration answer');
});

testCase('TC_040_1_CSMS', 'Configuration Keys - Not Supported', async ctx => {
    const { cp } = await configuredCharger(ctx, 'NotSupported');
    checkEqual(await ctx.command(cp, 'configuration/change', { key: 'NoSuchKey', value: '1' }), { status: 'NotSupported' }, 'ChangeConfiguration answer');
    checkEqual(await cachedConfiguration(ctx, cp), chargerConfiguration, 'cached configuration (unchanged)');
});

testCase('TC_040_2_CSMS', 'Configuration Keys - Invalid Value', async ctx => {
    const { cp } = await configuredCharger(ctx, 'Rejected');
    checkEqual(await ctx.command(cp, 'configuration/change', { key: 'MeterValueSampleInterval', value: '-5' }), { status: 'Rejected' }, 'ChangeConfiguration answer');
    checkEqual(await configurationValue(ctx, cp, 'MeterValueSampleInterval'), '60', 'cached value after a Rejected change');
});

testCase('TC_061_CSMS', 'Clear Authorization Data in Authorization Cache', async ctx => {
    const cp = ctx.cp();
    const charger = await ctx.charger(cp, { answers: { ClearCache: { status: 'Accepted' } } });
    checkEqual(await ctx.command(cp, 'clear-cache', {}), { status: 'Accepted' }, 'ClearCache answer');
    checkEqual(charger.calls('ClearCache').map(c => c.params), [{}], 'ClearCache payload received');
});

testCase('X_DATA_TRANSFER_TO_CHARGE_POINT', 'DataTransfer from the Central System', async ctx => {
    const cp = ctx.cp();
    const charger = await ctx.charger(cp, { answers: { DataTransfer: p => (p.messageId === 'Echo' ? { status: 'Accepted', data: p.data } : { status: 'UnknownMessageId' }) } });
    checkEqual(await ctx.command(cp, 'data-transfer', { vendorId: 'com.example.conformance', messageId: 'Echo', data: 'abc' }), { status: 'Accepted', data: 'abc' }, 'DataTransfer answer');
    checkEqual(await ctx.command(cp, 'data-transfer', { vendorId: 'com.example.conformance', messageId: 'Other' }), { status: 'UnknownMessageId' }, 'DataTransfer answer (unknown message)');
    checkEqual(charger.calls('DataTransfer').length, 2, 'DataTransfer calls received');
});

testCase('X_CHANGE_AVAILABILITY_ACCEPTED', 'Change Availability - Accepted', async ctx => {
    const record = await changeAvailability(ctx, 'Accepted', 1, 'Inoperative');
    checkEqual([record?.type, record?.scheduled], ['Inoperative', false], 'availability of connector 1 (type, scheduled)');
});

testCase('X_CHANGE_AVAILABILITY_SCHEDULED', 'Change Availability - Scheduled (transaction in progress)', async ctx => {
    const record = await changeAvailability(ctx, 'Scheduled', 1, 'Inoperative');
    checkEqual([record?.type, record?.scheduled], ['Inoperative', true], 'availability of connector 1 (type, scheduled)');
});

testCase('X_CHANGE_AVAILABILITY_REJECTED', 'Change Availability - Rejected', async ctx => {
    const record = await changeAvailability(ctx, 'Rejected', 0, 'Inoperative');
    checkEqual(record ?? null, null, 'availability record after a Rejected change');
});

// --- Local authorization list

testCase('TC_042_1_CSMS', 'Get Local List Version (not supported)', async ctx => {
    const cp = ctx.cp();
    await ctx.charger(cp, { answers: { GetLocalListVersion: { listVersion: -1 } } });
    checkEqual(await ctx.command(cp, 'local-list/version', {}), { listVersion: -1 }, 'GetLocalListVersion answer');
    checkEqual((await localList(ctx, cp)).version, -1, 'local list version');
});

testCase('TC_042_2_CSMS', 'Get Local List Version (empty)', async ctx => {
    const cp = ctx.cp();
    await ctx.charger(cp, { answers: { GetLocalListVersion: { listVersion: 0 } } });
    checkEqual(await ctx.command(cp, 'local-list/version', {}), { listVersion: 0 }, 'GetLocalListVersion answer');
    checkEqual(await localList(ctx, cp), { version: 0, entries: [] }, 'local list');
});

testCase('TC_043_1_CSMS', 'Send Local Authorization List - NotSupported', async ctx => {
    const cp = ctx.cp();
    await setLocalList(ctx, 'NotSupported');
    const request = { listVersion: 1, updateType: 'Full', localAuthorizationList: [{ idTag: ctx.tag('a'), idTagInfo: { status: 'Accepted' } }] };
    checkEqual(await ctx.command(cp, 'local-list/send', request), { status: 'NotSupported' }, 'SendLocalList answer');
    checkEqual(await localList(ctx, cp), { version: 0, entries: [] }, 'local list after NotSupported');
});

testCase('TC_043_3_CSMS', 'Send Local Authorization List - Failed', async ctx => {
    const cp = ctx.cp();
    await setLocalList(ctx, 'Failed');
    const request = { listVersion: 1, updateType: 'Full', localAuthorizationList: [{ idTag: ctx.tag('a'), idTagInfo: { status: 'Accepted' } }] };
    checkEqual(await ctx.command(cp, 'local-list/send', request), { status: 'Failed' }, 'SendLocalList answer');
    checkEqual(await localList(ctx, cp), { version: 0, entries: [] }, 'local list after Failed');
});

testCase('TC_043_4_CSMS', 'Send Local Authorization List - Full', async ctx => {
    const cp = ctx.cp();
    const charger = await setLocalList(ctx, 'Accepted');
    const [a, b] = [ctx.tag('a'), ctx.tag('b')];
    const request = {
        listVersion: 3, updateType: 'Full',
        localAuthorizationList: [{ idTag: a, idTagInfo: { status: 'Accepted' } }, { idTag: b, idTagInfo: { status: 'Blocked' } }],
    };
    checkEqual(await ctx.command(cp, 'local-list/send', request), { status: 'Accepted' }, 'SendLocalList answer');
    checkEqual(charger.calls('SendLocalList')[0]?.params, request, 'SendLocalList payload received');
    checkEqual(await localList(ctx, cp), { version: 3, entries: [`${a}:Accepted`, `${b}:Blocked`].sort() }, 'local list');
});

testCase('TC_043_5_CSMS', 'Send Local Authorization List - Differential', async ctx => {
    const cp = ctx.cp();
    await setLocalList(ctx, 'Accepted');
    const [a, b, c] = [ctx.tag('a'), ctx.tag('b'), ctx.tag('c')];
    await ctx.command(cp, 'local-list/send', {
        listVersion: 1, updateType: 'Full',
        localAuthorizationList: [{ idTag: a, idTagInfo: { status: 'Accepted' } }, { idTag: b, idTagInfo: { status: 'Accepted' } }],
    });
    const diff = {
        listVersion: 2, updateType: 'Differential',
        localAuthorizationList: [{ idTag: a }, { idTag: b, idTagInfo: { status: 'Blocked' } }, { idTag: c, idTagInfo: { status: 'Accepted' } }],
    };
    checkEqual(await ctx.command(cp, 'local-list/send', diff), { status: 'Accepted' }, 'SendLocalList (Differential) answer');
    checkEqual(await localList(ctx, cp), { version: 2, entries: [`${b}:Blocked`, `${c}:Accepted`].sort() }, 'local list after the differential update');
});

testCase('X_SEND_LOCAL_LIST_VERSION_MISMATCH', 'Send Local Authorization List - VersionMismatch', async ctx => {
    const cp = ctx.cp();
    await setLocalList(ctx, 'VersionMismatch');
    const diff = { listVersion: 7, updateType: 'Differential', localAuthorizationList: [{ idTag: ctx.tag('a'), idTagInfo: { status: 'Accepted' } }] };
    checkEqual(await ctx.command(cp, 'local-list/send', diff), { status: 'VersionMismatch' }, 'SendLocalList answer');
    checkEqual(await localList(ctx, cp), { version: 0, entries: [] }, 'local list after VersionMismatch');
});

// --- Firmware management

testCase('TC_044_1_CSMS', 'Firmware Update - Download and Install', ctx => firmwareUpdate(ctx, ['Downloading', 'Downloaded', 'Installing', 'Installed']));

testCase('TC_044_2_CSMS', 'Firmware Update - Download Failed', ctx => firmwareUpdate(ctx, ['Downloading', 'DownloadFailed']));

testCase('TC_044_3_CSMS', 'Firmware Update - Installation Failed', ctx => firmwareUpdate(ctx, ['Downloading', 'Downloaded', 'Installing', 'InstallationFailed']));

testCase('TC_045_1_CSMS', 'Get Diagnostics', ctx => diagnostics(ctx, ['Uploading', 'Uploaded']));

testCase('TC_045_2_CSMS', 'Get Diagnostics - Upload Failed', ctx => diagnostics(ctx, ['Uploading', 'UploadFailed']));

// --- Reservation

testCase('TC_046_CSMS', 'Reservation of a Connector - Transaction', async ctx => {
    const cp = ctx.cp();
    const { charger, idTag, request, reservations } = await reserveWith(ctx, 'Accepted');
    checkEqual(reservations.map(r => [r.reservationId, r.connectorId, r.idTag]), [[request.reservationId, 1, idTag]], 'reservations after ReserveNow');
    await charger.status(1, 'Reserved');
    await checkConnectorStatus(ctx, cp, 1, 'Reserved');
    checkEqual((await charger.call('Authorize', { idTag })).idTagInfo.status, 'Accepted', 'Authorize idTagInfo.status');
    await charger.status(1, 'Preparing');
    const started = await charger.startTransaction(idTag, { reservationId: request.reservationId });
    checkEqual(started.idTagInfo.status, 'Accepted', 'StartTransaction idTagInfo.status');
    await charger.status(1, 'Charging');
    checkEqual(await ctx.details(cp, 'reservations'), [], 'reservations after the reservation was used');
    const tx = await checkOpenTransaction(ctx, cp, started.transactionId, idTag);
    checkEqual(tx.reservationId, request.reservationId, 'transaction reservationId');
});

testCase('TC_047_CSMS', 'Reservation of a Connector - Expire', async ctx => {
    const cp = ctx.cp();
    const idTag = await ctx.putIdTag(ctx.tag(), 'Accepted');
    const charger = await ctx.charger(cp, { answers: { ReserveNow: { status: 'Accepted' } } });
    const request = { connectorId: 1, expiryDate: new Date(Date.now() + 1500).toISOString(), idTag, reservationId: reservationIdFor(ctx) };
    checkEqual(await ctx.command(cp, 'reservations/reserve', request), { status: 'Accepted' }, 'ReserveNow answer');
    await charger.status(1, 'Reserved');
    await eventually(async () => (await ctx.details(cp, 'reservations')).length === 0, 'the reservation to drop out after its expiryDate');
    await charger.status(1, 'Available');
    await checkConnectorStatus(ctx, cp, 1, 'Available');
});

for (const [id, status] of [['TC_048_1_CSMS', 'Faulted'], ['TC_048_2_CSMS', 'Occupied'], ['TC_048_3_CSMS', 'Unavailable'], ['TC_048_4_CSMS', 'Rejected']]) {
    testCase(id, `Reservation of a Connector - ${status}`, async ctx => {
        const { reservations } = await reserveWith(ctx, status);
        checkEqual(reservations, [], `reservations after a ${status} ReserveNow`);
    });
}

testCase('TC_049_CSMS', 'Reservation of a Charge Point - Transaction', async ctx => {
    const cp = ctx.cp();
    const { charger, idTag, request, reservations } = await reserveWith(ctx, 'Accepted', 0);
    checkEqual(reservations.map(r => [r.reservationId, r.connectorId]), [[request.reservationId, 0]], 'reservations after ReserveNow on connector 0');
    const started = await charger.startTransaction(idTag, { connectorId: 2, reservationId: request.reservationId });
    await charger.status(2, 'Charging');
    checkEqual(await ctx.details(cp, 'reservations'), [], 'reservations after the reservation was used');
    await checkOpenTransaction(ctx, cp, started.transactionId, idTag, 2);
});

testCase('TC_051_CSMS', 'Cancel Reservation', async ctx => {
    const cp = ctx.cp();
    const { charger, request } = await reserveWith(ctx, 'Accepted');
    charger.answers.CancelReservation = { status: 'Accepted' };
    checkEqual(await ctx.command(cp, 'reservations/cancel', { reservationId: request.reservationId }), { status: 'Accepted' }, 'CancelReservation answer');
    checkEqual(await ctx.details(cp, 'reservations'), [], 'reservations after the cancel');
});

testCase('TC_052_CSMS', 'Cancel Reservation - Rejected', async ctx => {
    const cp = ctx.cp();
    const { charger, request } = await reserveWith(ctx, 'Accepted');
    charger.answers.CancelReservation = { status: 'Rejected' };
    checkEqual(await ctx.command(cp, 'reservations/cancel', { reservationId: request.reservationId }), { status: 'Rejected' }, 'CancelReservation answer');
    checkEqual((await ctx.details(cp, 'reservations')).map(r => r.reservationId), [request.reservationId], 'reservations after a rejected cancel');
});

testCase('TC_053_CSMS', 'Use a reserved Connector with parentIdTag', async ctx => {
    const cp = ctx.cp();
    const parent = await ctx.putIdTag(ctx.tag('parent'), 'Accepted');
    const child = await ctx.putIdTag(ctx.tag('child'), 'Accepted', { parentIdTag: parent });
    const charger = await ctx.charger(cp, { answers: { ReserveNow: { status: 'Accepted' } } });
    const request = { connectorId: 1, expiryDate: minutesAhead(30), idTag: parent, parentIdTag: parent, reservationId: reservationIdFor(ctx) };
    checkEqual(await ctx.command(cp, 'reservations/reserve', request), { status: 'Accepted' }, 'ReserveNow answer');
    const auth = await charger.call('Authorize', { idTag: child });
    checkEqual([auth.idTagInfo.status, auth.idTagInfo.parentIdTag], ['Accepted', parent], 'Authorize of the child idTag (status, parentIdTag)');
    const started = await charger.startTransaction(child, { reservationId: request.reservationId });
    await charger.status(1, 'Charging');
    checkEqual(await ctx.details(cp, 'reservations'), [], 'reservations after the reservation was used');
    await checkOpenTransaction(ctx, cp, started.transactionId, child);
});

// --- Remote trigger

testCase('TC_054_CSMS', 'Trigger Message', async ctx => {
    const cp = ctx.cp();
    let charger;
    const sends = {
        BootNotification: () => charger.boot({ firmwareVersion: '1.0.1' }),
        DiagnosticsStatusNotification: () => charger.call('DiagnosticsStatusNotification', { status: 'Idle' }),
        FirmwareStatusNotification: () => charger.call('FirmwareStatusNotification', { status: 'Idle' }),
        Heartbeat: () => charger.call('Heartbeat', {}),
        MeterValues: () => charger.call('MeterValues', { connectorId: 1, meterValue: [{ timestamp: minutesAgo(0), sampledValue: [{ value: '42', unit: 'Wh' }] }] }),
        StatusNotification: () => charger.status(1, 'Unavailable'),
    };
    const sent = [];
    charger = await ctx.charger(cp, {
        answers: {
            TriggerMessage: params => {
                setImmediate(() => sends[params.requestedMessage]().then(() => sent.push(params.requestedMessage)).catch(e => sent.push(`error ${e.message}`)));
                return { status: 'Accepted' };
            },
        },
    });
    for (const requestedMessage of Object.keys(sends)) {
        const body = requestedMessage === 'StatusNotification' || requestedMessage === 'MeterValues' ? { requestedMessage, connectorId: 1 } : { requestedMessage };
        checkEqual(await ctx.command(cp, 'trigger', body), { status: 'Accepted' }, `TriggerMessage ${requestedMessage} answer`);
        await eventually(() => sent.includes(requestedMessage) || sent.some(s => s.startsWith('error')), `the triggered ${requestedMessage} to be answered`);
        check(!sent.some(s => s.startsWith('error')), `a triggered message failed: ${sent.join(', ')}`);
    }

    await checkConnectorStatus(ctx, cp, 1, 'Unavailable');
    checkEqual((await ctx.chargePoint(cp)).boot?.firmwareVersion, '1.0.1', 'firmware version from the triggered BootNotification');
    checkEqual(await statusEvents(ctx, cp), ['Diagnostics:Idle', 'Firmware:Idle'], 'status events from the triggered notifications');
});

testCase('TC_055_CSMS', 'Trigger Message - Rejected', async ctx => {
    const cp = ctx.cp();
    const charger = await ctx.charger(cp, { answers: { TriggerMessage: { status: 'Rejected' } } });
    checkEqual(await ctx.command(cp, 'trigger', { requestedMessage: 'MeterValues', connectorId: 1 }), { status: 'Rejected' }, 'TriggerMessage answer');
    checkEqual(charger.calls('TriggerMessage')[0]?.params, { requestedMessage: 'MeterValues', connectorId: 1 }, 'TriggerMessage payload received');
});

testCase('X_EXTENDED_TRIGGER_MESSAGE', 'ExtendedTriggerMessage (security extension) - Accepted and NotImplemented', async ctx => {
    const cp = ctx.cp();
    let charger;
    charger = await ctx.charger(cp, {
        answers: {
            ExtendedTriggerMessage: params => {
                if (params.requestedMessage === 'StatusNotification') {
                    setImmediate(() => charger.status(1, 'Faulted', { errorCode: 'GroundFailure' }).catch(() => {}));
                    return { status: 'Accepted' };
                }

                return { status: 'NotImplemented' };
            },
        },
    });
    checkEqual(await ctx.command(cp, 'trigger/extended', { requestedMessage: 'StatusNotification', connectorId: 1 }), { status: 'Accepted' }, 'ExtendedTriggerMessage answer');
    const connector = await checkConnectorStatus(ctx, cp, 1, 'Faulted');
    checkEqual(connector.errorCode, 'GroundFailure', 'connector errorCode');
    checkEqual(await ctx.command(cp, 'trigger/extended', { requestedMessage: 'LogStatusNotification' }), { status: 'NotImplemented' }, 'ExtendedTriggerMessage answer');
});

// --- Smart charging

testCase('TC_056_CSMS', 'Central Smart Charging - TxDefaultProfile', async ctx => {
    const cp = ctx.cp();
    const charger = await ctx.charger(cp, { answers: { SetChargingProfile: { status: 'Accepted' } } });
    const profile = chargingProfile(reservationIdFor(ctx), 'TxDefaultProfile', 10);
    checkEqual(await ctx.command(cp, 'charging-profiles/set', { connectorId: 1, csChargingProfiles: profile }), { status: 'Accepted' }, 'SetChargingProfile answer');
    checkEqual(charger.calls('SetChargingProfile')[0]?.params, { connectorId: 1, csChargingProfiles: profile }, 'SetChargingProfile payload received');
    const profiles = await ctx.details(cp, 'charging-profiles');
    checkEqual(profiles.map(p => [p.connectorId, p.chargingProfileId, p.purpose]), [[1, profile.chargingProfileId, 'TxDefaultProfile']], 'installed charging profiles');
    checkEqual(profiles[0].profile, profile, 'installed profile as sent');
});

testCase('TC_057_CSMS', 'Central Smart Charging - TxProfile', async ctx => {
    const cp = ctx.cp();
    const { charger, idTag, transactionId } = await startCharging(ctx, { answers: { SetChargingProfile: { status: 'Accepted' } } });
    const profile = chargingProfile(reservationIdFor(ctx), 'TxProfile', 12, { transactionId });
    checkEqual(await ctx.command(cp, 'charging-profiles/set', { connectorId: 1, csChargingProfiles: profile }), { status: 'Accepted' }, 'SetChargingProfile answer');
    const profiles = await ctx.details(cp, 'charging-profiles');
    checkEqual(profiles.map(p => [p.chargingProfileId, p.purpose, p.transactionId]), [[profile.chargingProfileId, 'TxProfile', transactionId]], 'installed charging profiles');
    await charger.stopTransaction(transactionId, { idTag, reason: 'Local' });
    await eventually(async () => (await ctx.details(cp, 'charging-profiles')).length === 0, 'the TxProfile to end with its transaction');
});

testCase('X_SET_CHARGING_PROFILE_REJECTED', 'Set Charging Profile - Rejected', async ctx => {
    const cp = ctx.cp();
    await ctx.charger(cp, { answers: { SetChargingProfile: { status: 'Rejected' } } });
    const profile = chargingProfile(reservationIdFor(ctx), 'ChargePointMaxProfile', 32);
    checkEqual(await ctx.command(cp, 'charging-profiles/set', { connectorId: 0, csChargingProfiles: profile }), { status: 'Rejected' }, 'SetChargingProfile answer');
    checkEqual(await ctx.details(cp, 'charging-profiles'), [], 'installed charging profiles after a Rejected set');
});

testCase('TC_066_CSMS', 'Get Composite Schedule', async ctx => {
    const cp = ctx.cp();
    const schedule = { chargingRateUnit: 'A', duration: 300, chargingSchedulePeriod: [{ startPeriod: 0, limit: 6 }] };
    const answer = { status: 'Accepted', connectorId: 1, scheduleStart: minutesAgo(0), chargingSchedule: schedule };
    const charger = await ctx.charger(cp, { answers: { GetCompositeSchedule: answer } });
    checkEqual(await ctx.command(cp, 'composite-schedule', { connectorId: 1, duration: 300, chargingRateUnit: 'A' }), answer, 'GetCompositeSchedule answer');
    checkEqual(charger.calls('GetCompositeSchedule')[0]?.params, { connectorId: 1, duration: 300, chargingRateUnit: 'A' }, 'GetCompositeSchedule payload received');
    const kept = await ctx.details(cp, 'composite-schedules');
    checkEqual(kept.map(s => [s.connectorId, s.duration]), [[1, 300]], 'composite schedules (connectorId, duration)');
    checkEqual(JSON.parse(kept[0].scheduleJson), schedule, 'kept schedule');
});

testCase('TC_067_CSMS', 'Clear Charging Profile', async ctx => {
    const cp = ctx.cp();
    let clearStatus = 'Unknown';
    await ctx.charger(cp, { answers: { SetChargingProfile: { status: 'Accepted' }, ClearChargingProfile: () => ({ status: clearStatus }) } });
    const profile = chargingProfile(reservationIdFor(ctx), 'TxDefaultProfile', 10);
    await ctx.command(cp, 'charging-profiles/set', { connectorId: 1, csChargingProfiles: profile });
    checkEqual(await ctx.command(cp, 'charging-profiles/clear', { id: profile.chargingProfileId }), { status: 'Unknown' }, 'ClearChargingProfile answer');
    checkEqual((await ctx.details(cp, 'charging-profiles')).length, 1, 'installed profiles after an Unknown clear');
    clearStatus = 'Accepted';
    checkEqual(await ctx.command(cp, 'charging-profiles/clear', { id: profile.chargingProfileId }), { status: 'Accepted' }, 'ClearChargingProfile answer');
    checkEqual(await ctx.details(cp, 'charging-profiles'), [], 'installed profiles after an Accepted clear');
});

// --- Security extension

testCase('TC_074_CSMS', 'Update Charge Point Certificate by request of Central System', async ctx => {
    await renewCertificate(ctx, 'Accepted');
});

testCase('TC_077_CSMS', 'Invalid ChargePointCertificate Security Event', async ctx => {
    const { cp, charger } = await renewCertificate(ctx, 'Rejected');
    const timestamp = minutesAgo(0);
    checkEqual(await charger.call('SecurityEventNotification', { type: 'InvalidChargePointCertificate', timestamp, techInfo: 'rejected the signed chain' }), {}, 'SecurityEventNotification answer');
    const events = await ctx.details(cp, 'security-events');
    checkEqual(events.map(e => e.type), ['InvalidChargePointCertificate'], 'security events');
});

testCase('TC_075_1_CSMS', 'Install a certificate on the Charge Point - ManufacturerRootCertificate', ctx => installCertificate(ctx, 'ManufacturerRootCertificate'));

testCase('TC_075_2_CSMS', 'Install a certificate on the Charge Point - CentralSystemRootCertificate', ctx => installCertificate(ctx, 'CentralSystemRootCertificate'));

testCase('TC_076_CSMS', 'Delete a specific certificate from the Charge Point', async ctx => {
    const cp = ctx.cp();
    const { charger, hashData } = await installCertificate(ctx, 'ManufacturerRootCertificate');
    charger.answers.DeleteCertificate = { status: 'Accepted' };
    checkEqual(await ctx.command(cp, 'certificates/delete', { certificateHashData: hashData }), { status: 'Accepted' }, 'DeleteCertificate answer');
    checkEqual(charger.calls('DeleteCertificate')[0]?.params, { certificateHashData: hashData }, 'DeleteCertificate payload received');
    const certificates = await ctx.details(cp, 'certificates');
    checkEqual(certificates.filter(c => c.serialNumber === hashData.serialNumber), [], 'certificates after the delete');
});

testCase('X_DELETE_CERTIFICATE_FAILED_NOT_FOUND', 'Delete a certificate - Failed keeps it, NotFound drops it', async ctx => {
    const cp = ctx.cp();
    const { charger, hashData } = await installCertificate(ctx, 'CentralSystemRootCertificate');
    charger.answers.DeleteCertificate = { status: 'Failed' };
    checkEqual(await ctx.command(cp, 'certificates/delete', { certificateHashData: hashData }), { status: 'Failed' }, 'DeleteCertificate answer');
    check((await ctx.details(cp, 'certificates')).some(c => c.serialNumber === hashData.serialNumber), 'the certificate should still be listed after Failed');
    // NotFound: the charger does not have it (any more), so it is not listed either.
    charger.answers.DeleteCertificate = { status: 'NotFound' };
    checkEqual(await ctx.command(cp, 'certificates/delete', { certificateHashData: hashData }), { status: 'NotFound' }, 'DeleteCertificate answer');
    checkEqual((await ctx.details(cp, 'certificates')).filter(c => c.serialNumber === hashData.serialNumber), [], 'certificates after NotFound');
});

testCase('X_CERTIFICATE_SIGNED_PASSTHROUGH', 'CertificateSigned sent through the passthrough API', async ctx => {
    const cp = ctx.cp();
    const root = selfSignedRoot('Conformance chain');
    const charger = await ctx.charger(cp, { answers: { CertificateSigned: { status: 'Rejected' } } });
    checkEqual(await ctx.command(cp, 'ocpp/CertificateSigned', { certificateChain: root.pem }), { status: 'Rejected' }, 'CertificateSigned answer');
    checkEqual(charger.calls('CertificateSigned')[0]?.params, { certificateChain: root.pem }, 'CertificateSigned payload received');
});

testCase('TC_078_CSMS', 'Invalid CentralSystemCertificate Security Event', async ctx => {
    const cp = ctx.cp();
    const charger = await ctx.charger(cp);
    const timestamp = minutesAgo(1);
    checkEqual(await charger.call('SecurityEventNotification', { type: 'InvalidCentralSystemCertificate', timestamp, techInfo: 'unknown issuer' }), {}, 'SecurityEventNotification answer');
    const events = await ctx.details(cp, 'security-events');
    checkEqual(events.map(e => [e.type, e.techInfo]), [['InvalidCentralSystemCertificate', 'unknown issuer']], 'security events of the charge point');
    const stored = await ctx.get(`/api/v1/security-events?chargePointId=${encodeURIComponent(cp)}&type=InvalidCentralSystemCertificate`);
    checkEqual(stored.total, 1, 'stored security events of that type');
});

testCase('TC_079_CSMS', 'Get Security Log', async ctx => {
    const cp = ctx.cp();
    const charger = await ctx.charger(cp, { answers: { GetLog: { status: 'Accepted', filename: 'security.log' } } });
    const requestId = reservationIdFor(ctx);
    const request = { logType: 'SecurityLog', requestId, log: { remoteLocation: 'https://logs.example.com/upload' } };
    checkEqual(await ctx.command(cp, 'log', request), { status: 'Accepted', filename: 'security.log' }, 'GetLog answer');
    checkEqual(charger.calls('GetLog')[0]?.params, request, 'GetLog payload received');
    for (const status of ['Uploading', 'Uploaded']) {
        checkEqual(await charger.call('LogStatusNotification', { status, requestId }), {}, `LogStatusNotification ${status} answer`);
    }

    checkEqual(await statusEvents(ctx, cp), [`Log:Uploading#${requestId}`, `Log:Uploaded#${requestId}`], 'status events');
});

testCase('TC_080_CSMS', 'Secure Firmware Update', async ctx => {
    const cp = ctx.cp();
    const charger = await ctx.charger(cp, { answers: { SignedUpdateFirmware: { status: 'Accepted' } } });
    const requestId = reservationIdFor(ctx);
    const signer = selfSignedRoot('Conformance firmware signer');
    const request = {
        requestId, retries: 1, retryInterval: 30,
        firmware: { location: 'https://firmware.example.com/cp-3.0.bin', retrieveDateTime: minutesAgo(0), signingCertificate: signer.pem, signature: randomBytes(64).toString('base64') },
    };
    checkEqual(await ctx.command(cp, 'firmware/signed', request), { status: 'Accepted' }, 'SignedUpdateFirmware answer');
    checkEqual(charger.calls('SignedUpdateFirmware')[0]?.params, request, 'SignedUpdateFirmware payload received');
    const statuses = ['Downloading', 'Downloaded', 'SignatureVerified', 'Installing', 'Installed'];
    for (const status of statuses) {
        checkEqual(await charger.call('SignedFirmwareStatusNotification', { status, requestId }), {}, `SignedFirmwareStatusNotification ${status} answer`);
    }

    checkEqual(await charger.call('SecurityEventNotification', { type: 'FirmwareUpdated', timestamp: minutesAgo(0) }), {}, 'SecurityEventNotification answer');
    checkEqual(await statusEvents(ctx, cp), statuses.map(s => `SignedFirmware:${s}#${requestId}`), 'status events');
    checkEqual((await ctx.details(cp, 'security-events')).map(e => e.type), ['FirmwareUpdated'], 'security events');
});

testCase('TC_081_CSMS', 'Secure Firmware Update - Invalid Signature', async ctx => {
    const cp = ctx.cp();
    const charger = await ctx.charger(cp, { answers: { SignedUpdateFirmware: { status: 'Accepted' } } });
    const requestId = reservationIdFor(ctx);
    const request = {
        requestId,
        firmware: { location: 'https://firmware.example.com/cp-3.1.bin', retrieveDateTime: minutesAgo(0), signingCertificate: selfSignedRoot('Signer').pem, signature: 'AAAA' },
    };
    checkEqual(await ctx.command(cp, 'firmware/signed', request), { status: 'Accepted' }, 'SignedUpdateFirmware answer');
    for (const status of ['Downloading', 'Downloaded', 'InvalidSignature']) {
        await charger.call('SignedFirmwareStatusNotification', { status, requestId });
    }

    await charger.call('SecurityEventNotification', { type: 'InvalidFirmwareSignature', timestamp: minutesAgo(0) });
    checkEqual((await statusEvents(ctx, cp)).at(-1), `SignedFirmware:InvalidSignature#${requestId}`, 'last status event');
    checkEqual((await ctx.details(cp, 'security-events')).map(e => e.type), ['InvalidFirmwareSignature'], 'security events');
});

testCase('X_SIGNED_UPDATE_FIRMWARE_INVALID_CERTIFICATE', 'Signed Update Firmware - InvalidCertificate', async ctx => {
    const cp = ctx.cp();
    await ctx.charger(cp, { answers: { SignedUpdateFirmware: { status: 'InvalidCertificate' } } });
    const request = { requestId: 1, firmware: { location: 'https://firmware.example.com/x.bin', retrieveDateTime: minutesAgo(0), signingCertificate: 'not a certificate', signature: 'AAAA' } };
    checkEqual(await ctx.command(cp, 'firmware/signed', request), { status: 'InvalidCertificate' }, 'SignedUpdateFirmware answer');
});

testCase('TC_085_CSMS', 'Basic Authentication - Valid username/password combination', async ctx => {
    const cp = ctx.cp();
    const password = `pw-${randomBytes(12).toString('hex')}`;
    const r = await ctx.api('PUT', `/api/v1/chargepoints/${encodeURIComponent(cp)}`, { password, securityProfile: 1 });
    check(r.status >= 200 && r.status < 300, `PUT /chargepoints/${cp}: HTTP ${r.status}: ${r.text}`);
    await ctx.charger(cp, { password });
    checkEqual((await ctx.chargePoint(cp)).connected, true, 'connected with valid credentials');
    const wrong = new RawSocket(`${wsBase}/${encodeURIComponent(cp)}`, ['ocpp1.6'], { authorization: `Basic ${Buffer.from(`${cp}:wrong-password-123456`).toString('base64')}` });
    ctx.sockets.push(wrong);
    const refused = await wrong.opened.then(() => 'opened', e => e.message);
    checkEqual(refused, 'upgrade refused with HTTP 401', 'connection with a wrong password');
});

testCase('TC_088_CSMS', 'WebSocket Subprotocol Negotiation', async ctx => {
    const offered = await ctx.rawSocket(ctx.cp(), ['ocpp1.2', 'ocpp1.6']);
    checkEqual(offered.protocol, 'ocpp1.6', 'selected subprotocol');
    const none = new RawSocket(`${wsBase}/${encodeURIComponent(ctx.cp('b'))}`, ['ocpp1.2'], {});
    ctx.sockets.push(none);
    const outcome = await none.opened.then(() => `opened with "${none.protocol}"`, e => e.message);
    check(outcome.startsWith('upgrade refused with HTTP 4'), `an upgrade offering only unsupported subprotocols must be refused, got: ${outcome}`);
});

// --- Error paths

testCase('X_ERR_CALLERROR_502', 'A CALLERROR from the charger is answered 502 with its errorCode', async ctx => {
    const cp = ctx.cp();
    await ctx.charger(cp, {
        answers: {
            UnlockConnector: () => {
                throw createRPCError('NotSupported', 'fixed cable');
            },
            ClearCache: () => {
                throw createRPCError('InternalError', 'cache locked', { reason: 'busy' });
            },
        },
    });
    let r = await ctx.commandRaw(cp, 'unlock', { connectorId: 1 });
    checkEqual([r.status, r.json?.errorCode, r.json?.errorDescription], [502, 'NotSupported', 'fixed cable'], 'UnlockConnector (HTTP status, errorCode, errorDescription)');
    check(String(r.json?.title ?? '').length > 0, `502 must be a problem document: ${r.text}`);
    r = await ctx.commandRaw(cp, 'ocpp/ClearCache', {});
    checkEqual([r.status, r.json?.errorCode], [502, 'InternalError'], 'ClearCache (HTTP status, errorCode)');
    // An action the charger has no handler for: ocpp-rpc answers NotImplemented.
    r = await ctx.commandRaw(cp, 'local-list/version', {});
    checkEqual([r.status, r.json?.errorCode], [502, 'NotImplemented'], 'GetLocalListVersion without a handler (HTTP status, errorCode)');
});

testCase('X_ERR_TIMEOUT_504', 'A charger that does not answer gives 504 after ?timeout', async ctx => {
    const cp = ctx.cp();
    const charger = await ctx.charger(cp, { answers: { Reset: () => NOREPLY, ClearCache: { status: 'Accepted' } } });
    const started = Date.now();
    const r = await ctx.commandRaw(cp, 'reset', { type: 'Soft' }, '?timeout=1');
    const elapsed = Date.now() - started;
    checkEqual(r.status, 504, `Reset with no answer: HTTP status (${r.text})`);
    check(elapsed >= 900 && elapsed < 8000, `504 should come after about 1 s, came after ${elapsed} ms`);
    checkEqual(charger.calls('Reset').length, 1, 'Reset calls received');
    // The connection still works afterwards.
    checkEqual(await ctx.command(cp, 'clear-cache', {}), { status: 'Accepted' }, 'ClearCache answer after the timeout');
    const bad = await ctx.commandRaw(cp, 'reset', { type: 'Soft' }, '?timeout=0');
    checkEqual(bad.status, 400, 'timeout=0: HTTP status');
});

testCase('X_ERR_SCHEMA_422', 'A payload failing the schema is refused 422 and nothing is sent', async ctx => {
    const cp = ctx.cp();
    const charger = await ctx.charger(cp, { answers: { ClearCache: { status: 'Accepted' } } });
    const bodies = [
        ['reset', { type: 'Gentle' }, 'PropertyConstraintViolation'],
        ['unlock', { connectorId: 'one' }, 'TypeConstraintViolation'],
        ['remote-start', { connectorId: 1 }, 'OccurrenceConstraintViolation'],
        ['ocpp/ChangeConfiguration', { key: 'K'.repeat(51), value: '1' }, 'PropertyConstraintViolation'],
    ];
    for (const [route, body, code] of bodies) {
        const r = await ctx.commandRaw(cp, route, body);
        // The API names the error in English ("Occurrence"); OCPP 1.6 on the wire spells it "Occurence". Either is fine here.
        const errorCode = r.json?.errorCode === 'OccurenceConstraintViolation' ? 'OccurrenceConstraintViolation' : r.json?.errorCode;
        checkEqual([r.status, errorCode], [422, code], `${route} ${JSON.stringify(body).slice(0, 60)} (HTTP status, errorCode)`);
        check(typeof r.json?.path === 'string', `422 without a path: ${r.text}`);
    }

    const notJson = await ctx.commandRaw(cp, 'reset', '{"type":');
    checkEqual(notJson.status, 400, 'a body that is not JSON: HTTP status');
    // Calls are answered in order, so once this one is answered nothing else can still be on its way.
    await ctx.command(cp, 'clear-cache', {});
    checkEqual(charger.received.map(c => c.action), ['ClearCache'], 'calls that reached the charger');
});

testCase('X_ERR_UNKNOWN_CHARGER_404', 'An unknown charge point is 404', async ctx => {
    const r = await ctx.commandRaw(ctx.cp('never-connected'), 'reset', { type: 'Soft' });
    checkEqual(r.status, 404, `unknown charge point: HTTP status (${r.text})`);
    const details = await ctx.api('GET', `/api/v1/chargepoints/${encodeURIComponent(ctx.cp('never-connected'))}/configuration`);
    checkEqual(details.status, 404, 'configuration of an unknown charge point: HTTP status');
});

testCase('X_ERR_UNKNOWN_ACTION_404', 'An action that is not CSMS-initiated is 404 on the passthrough', async ctx => {
    const cp = ctx.cp();
    const charger = await ctx.charger(cp);
    for (const action of ['BootNotification', 'FlyToTheMoon']) {
        const r = await ctx.commandRaw(cp, `ocpp/${action}`, {});
        checkEqual(r.status, 404, `POST .../ocpp/${action}: HTTP status (${r.text})`);
    }

    checkEqual(charger.received, [], 'calls that reached the charger');
});

testCase('X_ERR_OFFLINE_409', 'A known charge point that is not connected is 409', async ctx => {
    const cp = ctx.cp();
    const charger = await ctx.charger(cp);
    await charger.close();
    await eventually(async () => !(await ctx.chargePoint(cp)).connected, 'the charger to show as disconnected');
    const r = await ctx.commandRaw(cp, 'reset', { type: 'Soft' });
    checkEqual(r.status, 409, `offline charge point: HTTP status (${r.text})`);
    const passthrough = await ctx.commandRaw(cp, 'ocpp/ClearCache', {});
    checkEqual(passthrough.status, 409, 'offline charge point on the passthrough: HTTP status');
});

testCase('X_ERR_MALFORMED_FRAME', 'Malformed frames from the charger get FormationViolation / ProtocolError', async ctx => {
    const socket = await ctx.rawSocket(ctx.cp());
    checkCallError(await socket.exchange('this is not json', '-1'), '-1', 'FormationViolation');
    checkCallError(await socket.exchange('{"an":"object"}', '-1'), '-1', 'FormationViolation');
    checkCallError(await socket.exchange('[2,"raw-short"]', 'raw-short'), 'raw-short', 'ProtocolError');
    checkCallError(await socket.exchange('[7,"raw-type","Heartbeat",{}]', 'raw-type'), 'raw-type', 'ProtocolError');
    // The connection survives and still answers a valid call.
    const answer = await socket.exchange('[2,"raw-ok","Heartbeat",{}]', 'raw-ok');
    check(answer[0] === 3 && typeof answer[2]?.currentTime === 'string', `Heartbeat after malformed frames: ${JSON.stringify(answer)}`);
    checkEqual(socket.closed, null, 'close code (the socket must stay open)');
});

testCase('X_ERR_UNKNOWN_ACTION', 'An unknown action from the charger gets NotImplemented', async ctx => {
    const socket = await ctx.rawSocket(ctx.cp());
    checkCallError(await socket.exchange('[2,"raw-unknown","FlyToTheMoon",{}]', 'raw-unknown'), 'raw-unknown', 'NotImplemented');
    // A CSMS-initiated action sent by the charger is not something the CSMS implements either.
    const reversed = await socket.exchange('[2,"raw-reversed","Reset",{"type":"Soft"}]', 'raw-reversed');
    check(reversed[0] === 4 && ['NotImplemented', 'NotSupported'].includes(reversed[2]), `Reset sent by the charger: ${JSON.stringify(reversed)}`);
});

testCase('X_ERR_SCHEMA_INVALID_PAYLOAD', 'Schema-invalid payloads from the charger get the matching constraint violation', async ctx => {
    const socket = await ctx.rawSocket(ctx.cp());
    const frames = [
        ['[2,"raw-occ","BootNotification",{"chargePointVendor":"V"}]', 'raw-occ', 'OccurenceConstraintViolation'],
        ['[2,"raw-prop","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Bogus"}]', 'raw-prop', 'PropertyConstraintViolation'],
        ['[2,"raw-type","MeterValues",{"connectorId":"1","meterValue":[]}]', 'raw-type', 'TypeConstraintViolation'],
        [`[2,"raw-len","Authorize",{"idTag":"${'T'.repeat(21)}"}]`, 'raw-len', 'PropertyConstraintViolation'],
    ];
    for (const [text, id, code] of frames) {
        checkCallError(await socket.exchange(text, id), id, code);
    }

    const answer = await socket.exchange('[2,"raw-ok","Heartbeat",{}]', 'raw-ok');
    checkEqual(answer[0], 3, 'Heartbeat after invalid payloads: message type');
});

// ---------------------------------------------------------------------------------------------------------------
// Runner

if (args.list) {
    for (const c of cases.values()) {
        console.log(`${c.id}\t${c.title}${c.knownIssue ? '\t(known issue)' : ''}`);
    }

    process.exit(0);
}

for (const name of ['ws', 'api', 'token']) {
    if (!args[name]) {
        console.error(`missing --${name} (see the usage at the top of conformance.mjs)`);
        process.exit(64);
    }
}

const apiBase = args.api.replace(/\/+$/, '');
const wsBase = args.ws.replace(/\/+$/, '');
const unknownCases = args.case.filter(id => !cases.has(id));
if (unknownCases.length > 0) {
    console.error(`unknown case id(s): ${unknownCases.join(', ')} (--list shows them)`);
    process.exit(64);
}

const selected = args.case.length > 0 ? args.case.map(id => cases.get(id)) : [...cases.values()].filter(c => !c.knownIssue);
const overallTimeoutMs = Number(args.timeout);
setTimeout(() => {
    console.error(`the run did not finish within ${overallTimeoutMs} ms`);
    process.exit(2);
}, overallTimeoutMs).unref();

async function runCase(c) {
    const ctx = new CaseContext(c.id);
    try {
        await c.run(ctx);
        for (const charger of ctx.chargers) {
            charger.assertClean('end of case');
            check(charger.badMessages.length === 0, `unexpected frames: ${charger.badMessages.join('; ')}`);
        }

        return { id: c.id, ok: true };
    } catch (error) {
        const detail = error instanceof CaseError ? error.message : (error?.stack ?? String(error));
        const code = error?.rpcErrorCode ? ` (${error.rpcErrorCode}${error.rpcErrorMessage ? `: ${error.rpcErrorMessage}` : ''})` : '';
        return { id: c.id, ok: false, reason: `${detail}${code}`.replace(/\s*\n\s*/g, ' | ') };
    } finally {
        await ctx.dispose().catch(() => {});
    }
}

const results = [];
const queue = [...selected];
const parallel = Math.max(1, Number(args.parallel) || 1);
await Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, async () => {
    while (queue.length > 0) {
        const c = queue.shift();
        const result = await runCase(c);
        results.push(result);
        console.log(result.ok ? `PASS ${result.id}` : `FAIL ${result.id}: ${result.reason}`);
    }
}));

const failed = results.filter(r => !r.ok);
console.log(`SUMMARY ${results.length - failed.length} passed, ${failed.length} failed, ${results.length} run`);
if (knownIssues.size > 0) {
    console.log('known issues (left out of a run without --case and out of the xUnit theory until the server is fixed):');
    for (const [id, issue] of knownIssues) {
        console.log(`  ${id}: ${issue}`);
    }
}

process.exit(failed.length === 0 ? 0 : 1);
