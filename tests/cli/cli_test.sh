#!/usr/bin/env bash
# The zhaoshang command line as an operator uses it. Prints `ok`/`not ok` per check and
# `N passed, N failed` at the end; exits non-zero on any failure.
set -uo pipefail
BIN="${1:-build/release/zhaoshang}"
DIR="$(mktemp -d /tmp/zs-cli.XXXXXX)"
trap 'rm -rf "$DIR"' EXIT
DB="sqlite:$DIR/z.db"
# The audit key and anchor live outside the database (here: beside it, in the scratch dir).
export ZS_AUDIT_KEY_FILE="$DIR/audit.key" ZS_AUDIT_ANCHOR_FILE="$DIR/audit.anchor"
unset ZS_AUDIT_KEY
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$ZS_AUDIT_KEY_FILE"
pass=0
fail=0
check() {  # name, then a command that must succeed
  local name="$1"
  shift
  if "$@" >"$DIR/out" 2>&1; then
    echo "ok - $name"
    pass=$((pass + 1))
  else
    echo "not ok - $name"
    sed 's/^/    /' "$DIR/out"
    fail=$((fail + 1))
  fi
}
expect_rc() { local want="$1"; shift; "$@"; [ $? -eq "$want" ]; }

check "migrate creates the database" "$BIN" --db "$DB" migrate
check "a weak admin password is refused" bash -c "! echo short | '$BIN' --db '$DB' user create --admin --login root --name 管理员"
check "user create --admin asks for the password (stdin)" bash -c "echo 'Strong#Pass1' | '$BIN' --db '$DB' user create --admin --login admin --name 管理员 | grep -q 'created user admin'"
check "an account the command line makes for someone else must choose its own password; the administrator need not" bash -c "
  echo 'Strong#Pass3' | '$BIN' --db '$DB' user create --login clerk --name 办事员 --role promoter | grep -q 'created user clerk' &&
  sqlite3 '$DIR/z.db' \"SELECT must_change_password FROM users WHERE login='clerk'\" | grep -qx 1 &&
  sqlite3 '$DIR/z.db' \"SELECT must_change_password FROM users WHERE login='admin'\" | grep -qx 0"
check "the admin holds exactly the sysadmin role" bash -c "sqlite3 '$DIR/z.db' \"SELECT group_concat(role) FROM user_roles JOIN users ON users.id = user_id WHERE login = 'admin'\" | grep -qx sysadmin"
check "no plaintext password is stored" bash -c "! sqlite3 '$DIR/z.db' 'SELECT password_hash FROM users' | grep -q 'Strong#Pass1'"
check "demo refuses a database that already has accounts" expect_rc 1 "$BIN" --db "$DB" demo
check "reset-password works from stdin" bash -c "echo 'Other#Pass2' | '$BIN' --db '$DB' user reset-password --login admin | grep -q done"
check "a command-line reset of an administrator (break-glass) forces a new password and is audited" bash -c "
  sqlite3 '$DIR/z.db' \"SELECT must_change_password FROM users WHERE login='admin'\" | grep -qx 1 &&
  sqlite3 '$DIR/z.db' \"SELECT source || ' ' || diff FROM audit_log WHERE action='user.password_reset'\" | grep -q '^cli:.*\\\"cli\\\"'"
check "disable works" bash -c "'$BIN' --db '$DB' user disable --login admin && sqlite3 '$DIR/z.db' \"SELECT active FROM users WHERE login='admin'\" | grep -qx 0"
check "audit verify passes on an untouched log" bash -c "'$BIN' --db '$DB' audit verify | grep -q 'audit chain OK'"
check "every command-line write anchored its audit rows" bash -c "test -s '$DIR/audit.anchor' && test \$(sqlite3 '$DIR/z.db' 'SELECT COUNT(*) FROM audit_checkpoints') -ge 3"
check "audit checkpoint on an anchored head changes nothing" bash -c "'$BIN' --db '$DB' audit checkpoint | grep -q '^unchanged: checkpoint'"
check "audit verify checks the checkpoints" bash -c "'$BIN' --db '$DB' audit verify | grep -qE '[0-9]+ keyed checkpoints'"
check "a log whose checkpoints and anchor file were removed does not verify" bash -c "
  cp '$DIR/z.db' '$DIR/t.db'
  sqlite3 '$DIR/t.db' 'DROP TRIGGER audit_checkpoints_no_delete; DELETE FROM audit_checkpoints'
  out=\$(ZS_AUDIT_ANCHOR_FILE='$DIR/none.anchor' '$BIN' --db 'sqlite:$DIR/t.db' audit verify); rc=\$?
  [ \$rc -eq 2 ] && echo \"\$out\" | grep -q 'no keyed checkpoint'"
check "audit verify fails without the key" bash -c "
  out=\$(ZS_AUDIT_KEY_FILE='$DIR/none.key' '$BIN' --db '$DB' audit verify); rc=\$?
  [ \$rc -eq 2 ] && echo \"\$out\" | grep -q 'none.key'"
check "audit verify fails with a wrong key" bash -c "
  out=\$(ZS_AUDIT_KEY=\$(printf '%064d' 7) '$BIN' --db '$DB' audit verify); rc=\$?
  [ \$rc -eq 2 ] && echo \"\$out\" | grep -q 'wrong MAC'"
check "the database refuses to delete audit rows" bash -c "! sqlite3 '$DIR/z.db' 'DELETE FROM audit_log' 2>/dev/null && [ \$(sqlite3 '$DIR/z.db' 'SELECT COUNT(*) FROM audit_log') -gt 0 ]"
check "audit archive refuses a date inside the 184 days" bash -c "
  out=\$('$BIN' --db '$DB' audit archive --before \$(date -u +%F) --out '$DIR/a.jsonl' 2>&1); rc=\$?
  [ \$rc -eq 1 ] && echo \"\$out\" | grep -q '184 days' && [ ! -e '$DIR/a.jsonl' ]"
check "audit archive refuses a --before that is no ISO date (the one validator: not 2026-+1-+1)" bash -c "
  out=\$('$BIN' --db '$DB' audit archive --before '2026-+1-+1' --out '$DIR/b.jsonl' 2>&1); rc=\$?
  [ \$rc -ne 0 ] && echo \"\$out\" | grep -q 'wants a date YYYY-MM-DD' && [ ! -e '$DIR/b.jsonl' ]"
check "audit verify reports the last row deleted in the database" bash -c "
  cp '$DIR/z.db' '$DIR/t.db'
  id=\$(sqlite3 '$DIR/t.db' 'SELECT MAX(id) FROM audit_log')
  sqlite3 '$DIR/t.db' 'DROP TRIGGER audit_log_retention; DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)'
  out=\$('$BIN' --db 'sqlite:$DIR/t.db' audit verify); rc=\$?
  [ \$rc -eq 2 ] && echo \"\$out\" | grep -q \"BROKEN at row id \$id\""
check "audit verify reports a byte changed in the database" bash -c "
  id=\$(sqlite3 '$DIR/z.db' 'SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 1')
  sqlite3 '$DIR/z.db' \"DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor_login = 'cLi' WHERE id = \$id\"
  out=\$('$BIN' --db '$DB' audit verify); rc=\$?
  [ \$rc -eq 2 ] && echo \"\$out\" | grep -q \"BROKEN at row id \$id\""
check "a bad database url is a clear error" bash -c "'$BIN' --db 'mysql://x' migrate 2>&1 | grep -q 'unsupported database url'"
check "a bad config file is a clear error" bash -c "echo 'listen = ' > '$DIR/bad.toml'; '$BIN' --config '$DIR/bad.toml' migrate 2>&1 | grep -q 'config'"
check "rules --json prints the rule constants the web reads from /meta, without a database" bash -c "
  '$BIN' --db 'sqlite:/nonexistent/dir/x.db' rules --json | node -e '
    const r = JSON.parse(require(\"fs\").readFileSync(0, \"utf8\"));
    if (r.collision_threshold !== 0.8 || r.routing_days.max !== 60 || !r.decline_reason_codes.includes(\"other\")) process.exit(1)'"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
