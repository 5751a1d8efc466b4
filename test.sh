#!/usr/bin/env bash
# The one test command. On a fresh Debian machine, as root, it installs what the tests need when it is missing
# (PostgreSQL server binaries, Chromium, CJK fonts), then restores, builds, checks formatting and runs every test:
# all test projects on SQLite, the HTTP/integration tests again on PostgreSQL, and the browser tests.
# Prints a summary; exits non-zero when any step fails.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The browser tests drive the system's Chromium; Playwright must never fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
unset GGZY_TEST_DATABASE

readonly CONFIGURATION=Release
# The browser tests prefer Chromium's headless build (chromium-headless-shell: a sixth of the full browser's processor
# time); a machine that has only the full browser (chromium) and cannot install the headless build runs them with that.
readonly APT_PACKAGES=(postgresql chromium-headless-shell fonts-noto-cjk)
# Test projects whose tests run a second time on PostgreSQL (a throwaway cluster the test kit starts).
readonly POSTGRES_PROJECTS=(tests/Ggzy.Web.Tests/Ggzy.Web.Tests.csproj tests/Ggzy.Cli.Tests/Ggzy.Cli.Tests.csproj tests/Ggzy.Credit.Tests/Ggzy.Credit.Tests.csproj tests/Ggzy.Experts.Tests/Ggzy.Experts.Tests.csproj tests/Ggzy.Trading.Tests/Ggzy.Trading.Tests.csproj)
# A hung test run is stopped after this long (seconds), so that the run ends with a failure instead of never.
readonly TEST_STAGE_TIMEOUT=1200
readonly WORK=artifacts/test-run

mkdir -p "$WORK"
rm -f "$WORK"/*.log "$WORK"/*.status
STAGES=()
failed_stages=0
total_passed=0
total_failed=0
total_skipped=0
run_started=$SECONDS

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

record() { # name status seconds [detail]
    STAGES+=("$(printf '%-28s %-6s %5ss  %s' "$1" "$2" "$3" "${4:-}")")
    if [[ $2 != ok ]]; then failed_stages=$((failed_stages + 1)); fi
}

# stage NAME COMMAND...: runs the command with its output shown and kept in $WORK/NAME.log; never exits the script.
stage() {
    local name=$1 started=$SECONDS status=ok
    shift
    say "$name"
    if ! "$@" 2>&1 | tee "$WORK/$name.log"; then
        status=FAILED
    fi
    LAST_STATUS=$status
    LAST_SECONDS=$((SECONDS - started))
}

summary() {
    say "Summary ($((SECONDS - run_started))s)"
    printf '%s\n' "${STAGES[@]}"
    echo
    echo "Tests: ${total_passed} passed, ${total_failed} failed, ${total_skipped} skipped"
    if ((failed_stages > 0)); then
        echo "FAILED: ${failed_stages} step(s) failed; logs in $WORK/"
    else
        echo "All steps passed."
    fi
}

abort_unless_ok() { # after a step that later steps cannot do without
    if [[ $LAST_STATUS != ok ]]; then
        summary
        exit 1
    fi
}

# --- 1. Machine prerequisites ---------------------------------------------------------------------------------------

missing_packages() {
    local p
    for p in "${APT_PACKAGES[@]}"; do
        case $p in
            postgresql) compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || echo "$p" ;;
            chromium-headless-shell) [[ -x /usr/bin/chromium-headless-shell ]] || echo "$p" ;;
            *) dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || echo "$p" ;;
        esac
    done
}

install_prerequisites() {
    if ! command -v dotnet >/dev/null; then
        echo "dotnet is not on PATH: install the .NET SDK named in global.json." >&2
        return 1
    fi

    local missing
    mapfile -t missing < <(missing_packages)
    if ((${#missing[@]} == 0)); then
        echo "Already installed: ${APT_PACKAGES[*]}"
        return 0
    fi

    if [[ $(id -u) -ne 0 ]]; then
        if only_headless_shell_missing "${missing[@]}"; then
            return 0
        fi
        echo "Missing Debian packages: ${missing[*]}." >&2
        echo "Run this script as root, or install them first: sudo apt-get install -y ${missing[*]}" >&2
        return 1
    fi

    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # Errors are checked by hand: errexit does not apply inside a function run as a condition.
    if ! apt-get update -q; then
        only_headless_shell_missing "${missing[@]}" || return 1
        return 0
    fi
    local required=() p
    for p in "${missing[@]}"; do
        [[ $p == chromium-headless-shell ]] || required+=("$p")
    done
    if ((${#required[@]} > 0)); then
        apt-get install -y -q --no-install-recommends "${required[@]}" || return 1
    fi
    if [[ " ${missing[*]} " == *" chromium-headless-shell "* ]]; then
        apt-get install -y -q --no-install-recommends chromium-headless-shell || true
    fi
    mapfile -t missing < <(missing_packages)
    if ((${#missing[@]} > 0)) && ! only_headless_shell_missing "${missing[@]}"; then
        echo "Still missing after apt-get install: ${missing[*]}" >&2
        return 1
    fi
}

# True (with a note) when the only package missing is the headless build and the full browser is there to use instead.
only_headless_shell_missing() { # MISSING...
    if [[ $* == chromium-headless-shell && -x /usr/bin/chromium ]]; then
        echo "chromium-headless-shell is not installed: the browser tests use the full browser, /usr/bin/chromium (slower)."
        return 0
    fi
    return 1
}

stage prerequisites install_prerequisites
record prerequisites "$LAST_STATUS" "$LAST_SECONDS"
abort_unless_ok

# --- 2. Restore, build, format ----------------------------------------------------------------------------------------

stage tool-restore dotnet tool restore
record tool-restore "$LAST_STATUS" "$LAST_SECONDS"
abort_unless_ok

stage restore dotnet restore --locked-mode Ggzy.slnx
record "restore (locked)" "$LAST_STATUS" "$LAST_SECONDS"
abort_unless_ok

# The compiler server compiles every project in one warmed-up process instead of starting (and JIT-compiling) the
# compiler once per project; it is stopped after the build, so that it takes nothing from the tests.
stage build dotnet build Ggzy.slnx -c "$CONFIGURATION" --no-restore -warnaserror -p:UseSharedCompilation=true
record "build ($CONFIGURATION)" "$LAST_STATUS" "$LAST_SECONDS"
dotnet build-server shutdown --vbcscompiler >/dev/null 2>&1 || true
abort_unless_ok

# Code style and analyzers are enforced by the build (EnforceCodeStyleInBuild, -warnaserror); this checks the layout.
stage format dotnet format whitespace Ggzy.slnx --verify-no-changes
record "format (verify)" "$LAST_STATUS" "$LAST_SECONDS"

# --- 3. Tests ---------------------------------------------------------------------------------------------------------

# A solution filter over some of the solution's test projects, so that each group runs as one parallel test run.
write_filter() { # FILE PROJECT...
    local file=$1 first=1 p
    shift
    {
        printf '{\n  "solution": {\n    "path": "../../Ggzy.slnx",\n    "projects": [\n'
        for p in "$@"; do
            ((first)) || printf ',\n'
            printf '      "%s"' "$p"
            first=0
        done
        printf '\n    ]\n  }\n}\n'
    } >"$file"
}

mapfile -t all_tests < <(grep -o 'tests/[^"]*Tests\.csproj' Ggzy.slnx)
browser_tests=()
other_tests=()
for p in "${all_tests[@]}"; do
    if [[ $p == *Browser* ]]; then browser_tests+=("$p"); else other_tests+=("$p"); fi
done

# Adds the counts of a test stage's "Test run summary" to the totals; prints them for the stage line.
count_tests() { # LOG
    local total failed succeeded skipped
    total=$(grep -E '^\s+total: [0-9]+' "$1" | tail -1 | grep -oE '[0-9]+' || true)
    failed=$(grep -E '^\s+failed: [0-9]+' "$1" | tail -1 | grep -oE '[0-9]+' || true)
    succeeded=$(grep -E '^\s+succeeded: [0-9]+' "$1" | tail -1 | grep -oE '[0-9]+' || true)
    skipped=$(grep -E '^\s+skipped: [0-9]+' "$1" | tail -1 | grep -oE '[0-9]+' || true)
    total_passed=$((total_passed + ${succeeded:-0}))
    total_failed=$((total_failed + ${failed:-0}))
    total_skipped=$((total_skipped + ${skipped:-0}))
    COUNTS="${total:-0} tests: ${succeeded:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
}

# Every test project of a stage starts at once (dotnet test would run only as many as there are cores): the longest,
# Web.Tests, then starts at the beginning instead of after the first short ones, and the others fill its waits.
test_command() { # NAME DATABASE: the test run of a stage over its solution filter
    env GGZY_TEST_DATABASE="$2" timeout --kill-after=60 "$TEST_STAGE_TIMEOUT" \
        dotnet test --solution "$WORK/$1.slnf" -c "$CONFIGURATION" --no-build --no-progress --no-ansi --max-parallel-test-modules 16
}

record_test_stage() { # NAME LABEL [NOTE]: counts the stage's log and records the stage
    count_tests "$WORK/$1.log"
    if [[ $LAST_STATUS == ok && ${COUNTS%% *} == 0 ]]; then
        LAST_STATUS=FAILED
        COUNTS="no test ran"
    fi
    record "$2" "$LAST_STATUS" "$LAST_SECONDS" "$COUNTS${3:+ ($3)}"
}

test_stage() { # NAME LABEL DATABASE PROJECT...
    local name=$1 label=$2 database=$3
    shift 3
    write_filter "$WORK/$name.slnf" "$@"
    stage "$name" test_command "$name" "$database"
    record_test_stage "$name" "$label"
}

# The PostgreSQL and browser stages side by side (GGZY_TEST_STAGES_SIDE_BY_SIDE=1): each writes its own log, shown in
# full when both are done, with its own time and counts. Only worth it while neither keeps both cores busy — on two cores
# both do: side by side, the browser stage alone took 567 s against 368 s after the PostgreSQL stage (2026-12-07), so the
# stages run one after the other unless asked.
side_by_side_stages() {
    local name database started=$SECONDS
    local -A pids=() labels=([tests-postgres]="tests on PostgreSQL" [tests-browser]="browser tests")
    write_filter "$WORK/tests-postgres.slnf" "${POSTGRES_PROJECTS[@]}"
    write_filter "$WORK/tests-browser.slnf" "${browser_tests[@]}"
    say "tests on PostgreSQL and browser tests, side by side (logs: $WORK/tests-postgres.log, $WORK/tests-browser.log)"
    for name in tests-postgres tests-browser; do
        database=Sqlite
        [[ $name == tests-postgres ]] && database=Postgres
        (
            begun=$SECONDS
            if test_command "$name" "$database" >"$WORK/$name.log" 2>&1; then status=ok; else status=FAILED; fi
            echo "$status $((SECONDS - begun))" >"$WORK/$name.status"
        ) &
        pids[$name]=$!
    done
    for name in tests-postgres tests-browser; do
        wait "${pids[$name]}" || true
        read -r LAST_STATUS LAST_SECONDS <"$WORK/$name.status" || { LAST_STATUS=FAILED; LAST_SECONDS=$((SECONDS - started)); }
        rm -f "$WORK/$name.status"
        say "$name"
        cat "$WORK/$name.log"
        record_test_stage "$name" "${labels[$name]}" "side by side"
    done
}

test_stage tests-sqlite "tests on SQLite" Sqlite "${other_tests[@]}"
if [[ ${GGZY_TEST_STAGES_SIDE_BY_SIDE:-0} == 1 ]]; then
    side_by_side_stages
else
    test_stage tests-postgres "tests on PostgreSQL" Postgres "${POSTGRES_PROJECTS[@]}"
    test_stage tests-browser "browser tests" Sqlite "${browser_tests[@]}"
fi

summary
((failed_stages == 0))
