import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordingPythonEnvs } from '@dj-sandbox/env-manager/testing';

/*
 * FAKE vLLM for tests on machines without a GPU: no real vLLM runs here. The fake `vllm` executable checks the
 * `vllm serve` argv, prints the startup and shutdown lines vLLM's own API server and uvicorn print (api_server.py:
 * "vLLM API server version", "non-default args", "Starting vLLM API server 0 on ..."; launcher.py: "Available routes
 * are:", "Route: ..."; uvicorn's "Application startup complete."; "Shutting down FastAPI HTTP server."), checks the
 * bearer key when VLLM_API_KEY is set, as vLLM does, and answers /health, /v1/models and /v1/chat/completions by
 * forwarding chats to a real model server (FAKE_VLLM_UPSTREAM, the local llama.cpp server), so the answers are a real
 * model's. The fake `vllm` Python module has LLM / SamplingParams with vLLM's signatures, answering the same way.
 */

const FAKE_VLLM_SERVE = `#!/usr/bin/env node
// FAKE vllm (dj-sandbox tests): see fake-vllm.ts.
const http = require('node:http');
const fs = require('node:fs');
const argv = process.argv.slice(2);
const stamp = () => { const d = new Date(); const p = (n) => String(n).padStart(2, '0');
  return p(d.getMonth() + 1) + '-' + p(d.getDate()) + ' ' + p(d.getHours()) + ':' + p(d.getMinutes()) + ':' + p(d.getSeconds()); };
const log = (file, msg) => console.log('(APIServer pid=' + process.pid + ') INFO ' + stamp() + ' [' + file + '] ' + msg);
const fail = (msg) => { console.error('usage: vllm serve [model_tag] [options]'); console.error('vllm serve: error: ' + msg); process.exit(2); };
if (argv[0] !== 'serve') fail('the fake knows only the serve subcommand, got ' + JSON.stringify(argv[0]));
const model = argv[1];
if (!model || model.startsWith('-')) fail('the following arguments are required: model_tag');
const known = { '--host': 1, '--port': 1, '--tensor-parallel-size': 1, '--max-model-len': 1, '--dtype': 1,
  '--served-model-name': 1, '--gpu-memory-utilization': 1, '--trust-remote-code': 0, '--enforce-eager': 0 };
const args = {};
for (let i = 2; i < argv.length; i++) {
  const flag = argv[i];
  if (!(flag in known)) fail('unrecognized arguments: ' + flag);
  args[flag] = known[flag] ? argv[++i] : true;
}
if (args['--host'] !== '127.0.0.1') fail('the executor must bind 127.0.0.1, got --host ' + args['--host']);
const port = Number(args['--port']);
if (!Number.isInteger(port) || port <= 0) fail("argument --port: invalid int value: '" + args['--port'] + "'");
if (process.env.FAKE_VLLM_ARGV_FILE) fs.writeFileSync(process.env.FAKE_VLLM_ARGV_FILE, JSON.stringify({ argv, pid: process.pid, apiKeySet: Boolean(process.env.VLLM_API_KEY) }));
if (process.env.FAKE_VLLM_CRASH) { console.error('RuntimeError: ' + process.env.FAKE_VLLM_CRASH); process.exit(1); }
const served = args['--served-model-name'] || model;
const upstream = process.env.FAKE_VLLM_UPSTREAM;
const upstreamModel = process.env.FAKE_VLLM_UPSTREAM_MODEL;
log('api_server.py:1272', 'vLLM API server version 0.33.0');
log('utils.py:263', 'non-default args: ' + JSON.stringify({ model_tag: model, host: '127.0.0.1', port }));
const routes = [['/health', 'GET'], ['/v1/models', 'GET'], ['/v1/chat/completions', 'POST']];
const send = (res, status, body) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };
const server = http.createServer((req, res) => {
  const key = process.env.VLLM_API_KEY;
  if (key && req.url.startsWith('/v1') && req.headers.authorization !== 'Bearer ' + key) return send(res, 401, { error: 'Unauthorized' });
  if (req.url === '/health') return res.writeHead(200).end();
  if (req.url === '/v1/models') return send(res, 200, { object: 'list', data: [{ id: served, object: 'model', owned_by: 'vllm' }] });
  if (req.url === '/v1/chat/completions' && req.method === 'POST') {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', async () => {
      const request = JSON.parse(body);
      if (request.model !== served) return send(res, 404, { error: { message: 'The model ' + request.model + ' does not exist.', type: 'NotFoundError', code: 404 } });
      let forwarded, answer;
      try {
        forwarded = await fetch(upstream + '/chat/completions', { method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...request, model: upstreamModel }) });
        answer = await forwarded.json();
      } catch (error) {
        console.log('ERROR:    (fake) upstream ' + upstream + ' failed: ' + error.message);
        return send(res, 500, { error: { message: 'EngineCore encountered an issue.', type: 'InternalServerError', code: 500 } });
      }
      console.log('INFO:     127.0.0.1 - "POST /v1/chat/completions HTTP/1.1" ' + forwarded.status + ' OK');
      send(res, forwarded.status, { ...answer, model: served });
    });
    return;
  }
  send(res, 404, { detail: 'Not Found' });
});
setTimeout(() => server.listen(port, '127.0.0.1', () => {
  log('api_server.py:1945', 'Starting vLLM API server 0 on http://127.0.0.1:' + port);
  log('launcher.py:38', 'Available routes are:');
  for (const [route, method] of routes) log('launcher.py:46', 'Route: ' + route + ', Methods: ' + method);
  console.log('INFO:     Started server process [' + process.pid + ']');
  console.log('INFO:     Waiting for application startup.');
  console.log('INFO:     Application startup complete.');
}), Number(process.env.FAKE_VLLM_STARTUP_MS || 800));
process.on('SIGTERM', () => {
  if (process.env.FAKE_VLLM_IGNORE_SIGTERM) { console.log('(fake) ignoring SIGTERM'); return; }
  log('launcher.py:80', 'Shutting down FastAPI HTTP server.');
  console.log('INFO:     Shutting down');
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 200).unref();
});
`;

const FAKE_VLLM_MODULE = `"""FAKE vllm (dj-sandbox tests): LLM and SamplingParams with vLLM's signatures, answering from a real model server."""
import json
import os
import urllib.request

_SAMPLING_KEYS = {"n", "presence_penalty", "frequency_penalty", "repetition_penalty", "temperature", "top_p", "top_k",
                  "min_p", "seed", "stop", "max_tokens", "min_tokens", "logprobs"}


class SamplingParams:
    def __init__(self, **kwargs):
        unknown = sorted(set(kwargs) - _SAMPLING_KEYS)
        if unknown:
            # vLLM's SamplingParams is a msgspec Struct: an unknown keyword is a TypeError.
            raise TypeError(f"Unexpected keyword argument '{unknown[0]}'")
        self.kwargs = kwargs


class _Completion:
    def __init__(self, text):
        self.text = text


class _RequestOutput:
    def __init__(self, text):
        self.outputs = [_Completion(text)]


class LLM:
    def __init__(self, model, tensor_parallel_size=1, **kwargs):
        record = os.environ.get("FAKE_VLLM_LLM_ARGS_FILE")
        if record:
            with open(record, "w") as f:
                json.dump({"model": model, "tensor_parallel_size": tensor_parallel_size, "kwargs": kwargs}, f)
        print(f"INFO [llm_engine.py] (fake vllm) LLM(model={model!r}, tensor_parallel_size={tensor_parallel_size})")
        self.model = model

    def chat(self, messages, sampling_params=None, use_tqdm=True, **kwargs):
        conversations = messages if messages and isinstance(messages[0], list) else [messages]
        params = sampling_params.kwargs if sampling_params else {}
        return [_RequestOutput(self._ask(conversation, params)) for conversation in conversations]

    def _ask(self, messages, params):
        body = json.dumps({"model": os.environ["FAKE_VLLM_UPSTREAM_MODEL"], "messages": messages, **params}).encode()
        request = urllib.request.Request(os.environ["FAKE_VLLM_UPSTREAM"] + "/chat/completions", data=body,
                                         headers={"content-type": "application/json"})
        with urllib.request.urlopen(request) as response:
            return json.load(response)["choices"][0]["message"]["content"]
`;

/**
 * A recording Python bridge whose env holds the FAKE vLLM: a `vllm` executable on PATH (server mode) and a `python`
 * that runs the system python3 with the fake `vllm` module first on PYTHONPATH (offline mode).
 */
export function fakeVllmEnvs() {
  const bridge = recordingPythonEnvs({
    name: 'fake-vllm',
    executables: {
      vllm: FAKE_VLLM_SERVE,
      python: '#!/bin/sh\nPYTHONPATH="$(dirname "$0")/../fake-site:$PYTHONPATH" exec python3 "$@"\n',
    },
  });
  mkdirSync(join(bridge.prefix, 'fake-site', 'vllm'), { recursive: true });
  writeFileSync(join(bridge.prefix, 'fake-site', 'vllm', '__init__.py'), FAKE_VLLM_MODULE);
  return bridge;
}
