// Two `zhaoshang serve` processes on one PostgreSQL database run the scheduler over a simulated
// day (ZS_SIMULATED_CLOCK: the day passes in about 30 s); a mock group robot started here counts
// what reaches it. Checks: every job slot ran once, each escalation step once, each person's
// digest once, no notification twice, and every queued robot message reached the robot exactly
// once. Needs ZS_TEST_PG_URL (scripts/test starts a throwaway server) and the server binary.
// Prints ok / not ok lines and `N passed, N failed`.
import { spawn, execFileSync } from "node:child_process";
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const BIN = path.resolve(process.argv[2] ?? "build/release/zhaoshang");
const PG = process.env.ZS_TEST_PG_URL;
let pass = 0;
let fail = 0;
function check(name, ok, detail = "") {
  if (ok) {
    pass++;
    console.log(`ok - ${name}`);
  } else {
    fail++;
    console.log(`not ok - ${name}${detail ? `\n    ${detail}` : ""}`);
  }
}
function finish() {
  console.log(`${pass} passed, ${fail} failed`);
  process.exit(fail === 0 ? 0 : 1);
}
if (!PG) {
  check("ZS_TEST_PG_URL names a PostgreSQL server", false, "not set: this test needs PostgreSQL");
  finish();
}

const dbName = `zs_sched_${process.pid}`;
const psql = (url, sql) => execFileSync("psql", ["-qAtX", "-v", "ON_ERROR_STOP=1", url, "-c", sql]).toString().trim();
psql(PG, `CREATE DATABASE ${dbName}`);
const DB = PG.replace(/\/[^/?]*(\?|$)/, `/${dbName}$1`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-sched-"));
const env = {
  ...process.env,
  ZS_DB: DB,
  ZS_AUDIT_KEY_FILE: path.join(dir, "audit.key"),
  ZS_AUDIT_ANCHOR_FILE: path.join(dir, "audit.anchor"),
  ZS_LOGIN_RATE_PER_MINUTE: "600",
  ZS_ACCESS_LOG: "false",
  ZS_PUBLIC_URL: "https://zs.example",
};
fs.writeFileSync(env.ZS_AUDIT_KEY_FILE, Buffer.alloc(32, 7).toString("hex"));

// The mock robot: every POST answered {"errcode":0}; bodies kept.
const received = [];
const robot = http.createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    received.push({ url: req.url, body });
    res.setHeader("content-type", "application/json");
    res.end('{"errcode":0,"errmsg":"ok"}');
  });
});
await new Promise((r) => robot.listen(0, "127.0.0.1", r));
const robotUrl = `http://127.0.0.1:${robot.address().port}`;

const children = [];
function serve(port, extra) {
  const child = spawn(BIN, ["serve", "--listen", `127.0.0.1:${port}`, "--static", dir], {
    env: { ...env, ...extra },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  child.logText = () => log;
  children.push(child);
  return child;
}
async function waitUp(port) {
  for (let i = 0; i < 200; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server on ${port} did not start`);
}
async function stop(child) {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.on("exit", r));
  child.kill("SIGTERM");
  await done;
}
process.on("exit", () => children.forEach((c) => c.exitCode === null && c.kill("SIGKILL")));

try {
  execFileSync(BIN, ["demo"], { env, stdio: "ignore" });
  // Robots for the coordinator's office and the departments, set up through the API on a server
  // whose scheduler is off, so nothing is sent before the two servers start.
  const port0 = 20000 + Math.floor(Math.random() * 20000);
  const setup = serve(port0, { ZS_SCHEDULER: "false" });
  await waitUp(port0);
  const base0 = `http://127.0.0.1:${port0}/api/v1`;
  const login = await fetch(`${base0}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: "sysadmin", password: "Demo@2026" }),
  });
  const cookie = login.headers.get("set-cookie").split(";")[0];
  const csrf = (await login.json()).csrf_token;
  const units = (await (await fetch(`${base0}/org/units`, { headers: { cookie } })).json()).items;
  let robots = 0;
  for (const code of ["AQ-TCJ", "AQ-GDGS", "AQ-RSJ", "AQ-ZRZY", "AQ-JKQ", "AQ-YX-TC", "AQ"]) {
    const unit = units.find((u) => u.code === code);
    if (!unit) continue;
    const kind = robots % 2 ? "dingtalk" : "wecom";
    const r = await fetch(`${base0}/robots`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, "x-csrf-token": csrf },
      body: JSON.stringify({ unit_id: unit.id, kind, url: `${robotUrl}/${code}`, secret: kind === "dingtalk" ? "SECx" : undefined }),
    });
    if (r.status === 201) robots++;
  }
  check("robots are set up for the demo units", robots >= 5, `${robots} created`);
  await stop(setup);

  // One simulated day from the next midnight in China (UTC+8), shared by both servers (same
  // start and the same real anchor).
  const startMs = Date.now();
  const chinaDay = 86_400_000;
  const simStart = Math.floor((startMs + 8 * 3_600_000) / chinaDay + 1) * chinaDay - 8 * 3_600_000;
  const iso = new Date(simStart).toISOString().replace(/\.\d+Z$/, "Z");
  const rate = 2880;
  const clock = `${iso} x${rate} @${startMs}`;
  const ports = [port0 + 1, port0 + 2];
  const servers = ports.map((p) => serve(p, { ZS_SIMULATED_CLOCK: clock, ZS_SCHEDULER_TICK_MS: "100" }));
  await Promise.all(ports.map(waitUp));
  const dayMs = 86_400_000;
  const realForDay = dayMs / rate;
  // Stop a little before the simulated midnight: the day's 08:30 digest is in, the next one not.
  await new Promise((r) => setTimeout(r, Math.max(0, startMs + realForDay - 1000 - Date.now())));
  await Promise.all(servers.map(stop));
  // What one more delivery run would have sent: the last deliveries may have been queued after
  // the last deliver slot; they must still be pending, not lost or doubled.
  const pending = Number(psql(DB, "SELECT COUNT(*) FROM deliveries WHERE status = 'pending'"));
  const delivered = Number(psql(DB, "SELECT COUNT(*) FROM deliveries WHERE status = 'delivered'"));
  const retried = Number(psql(DB, "SELECT COUNT(*) FROM deliveries WHERE attempts > 1"));

  const runs = psql(DB, "SELECT job, COUNT(*), COUNT(DISTINCT claimed_by) FROM job_runs GROUP BY job ORDER BY job")
    .split("\n")
    .filter(Boolean)
    .map((l) => l.split("|"));
  const byJob = Object.fromEntries(runs.map(([job, n, owners]) => [job, { n: Number(n), owners: Number(owners) }]));
  check("the clock sweep ran in the day's quarter-hour slots", (byJob.clock_sweep?.n ?? 0) >= 88 && byJob.clock_sweep.n <= 96, JSON.stringify(byJob));
  check("the digest ran once", byJob.digest?.n === 1, JSON.stringify(byJob));
  check("both servers took part", (byJob.clock_sweep?.owners ?? 0) === 2, JSON.stringify(byJob));
  const dupSlots = psql(DB, "SELECT COUNT(*) FROM (SELECT job, slot FROM job_runs GROUP BY job, slot HAVING COUNT(*) > 1) d");
  check("no slot ran twice", dupSlots === "0");
  const steps = Number(psql(DB, "SELECT COUNT(*) FROM escalations"));
  const auditSteps = Number(psql(DB, "SELECT COUNT(*) FROM audit_log WHERE action = 'escalation.raise'"));
  check("escalation steps were taken, each audited once", steps > 0 && steps === auditSteps, `${steps} steps, ${auditSteps} audit rows`);
  const dupNotes = psql(
    DB,
    "SELECT COUNT(*) FROM (SELECT user_id, kind, object_type, object_id, project_id, detail FROM notifications GROUP BY user_id, kind, object_type, object_id, project_id, detail HAVING COUNT(*) > 1) d",
  );
  check("no notification was sent twice", dupNotes === "0", `${dupNotes} duplicated`);
  const digests = psql(DB, "SELECT COUNT(*), COUNT(DISTINCT user_id) FROM notifications WHERE kind = 'digest'").split("|");
  check("each person got one digest", Number(digests[0]) > 0 && digests[0] === digests[1], digests.join(" / "));
  check("robot messages were delivered", delivered > 0, `${delivered} delivered, ${pending} pending`);
  check("every delivered message reached the robot exactly once", received.length === delivered && retried === 0, `${received.length} received, ${delivered} delivered, ${retried} retried`);
  const signed = received.filter((r) => r.url.includes("sign=")).length;
  check("DingTalk robots got signed requests", signed > 0, `${signed} signed`);
  const errors = servers.map((s) => s.logText()).join("").split("\n").filter((l) => / error /.test(l));
  check("the servers logged no errors", errors.length === 0, errors.slice(0, 5).join("\n    "));
} catch (e) {
  check("the scenario ran", false, e.stack);
} finally {
  await Promise.all(children.map(stop));
  robot.close();
  try {
    psql(PG, `DROP DATABASE IF EXISTS ${dbName}`);
  } catch {}
  fs.rmSync(dir, { recursive: true, force: true });
}
finish();
