#!/usr/bin/env bash
# Check the course: lesson structure, then every snippet run the way the
# playground runs it (copied alone into an empty directory as main.py), with
# its stdout compared to <snippet>.expected when that file exists.
#
#   lessons/check.sh                  check every lesson
#   lessons/check.sh 05-gather        check the lessons whose folder matches
#   lessons/check.sh --bless FILE.py  (re)write FILE.expected from a real run
#
# Environment: PYTHON (default /usr/bin/python3), SEEDS (folder of the source
# notes; when set, the lessons' `sources` must cover every file in it).
# Snippets run under the sandbox's default limits (address space 256 MiB,
# CPU 5 s) and a 15 s wall limit; a run slower than 6 s is reported.
set -u
LESSONS=$(cd "$(dirname "$0")" && pwd)
PY=${PYTHON:-/usr/bin/python3}
export LESSONS PY

# MALLOC_ARENA_MAX=2: with glibc's default of one 64 MiB malloc arena per thread,
# 256 MiB of address space allows only about four threads.
run_snippet() { # $1 = snippet path, $2 = output file; prints "exit-code seconds"
    local dir; dir=$(mktemp -d)
    cp "$1" "$dir/main.py"
    local start=$(date +%s.%N)
    (cd "$dir" && env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$dir" MALLOC_ARENA_MAX=2 \
        timeout 15 prlimit --as=$((256 << 20)) --cpu=5 "$PY" -X utf8 main.py >"$2" 2>"$2.err")
    local rc=$?
    echo "$rc $(echo "$(date +%s.%N) - $start" | bc)"
    rm -rf "$dir"
}

if [ "${1:-}" = "--bless" ]; then
    shift
    for py in "$@"; do
        out=$(mktemp)
        read -r rc secs < <(run_snippet "$py" "$out")
        if [ "$rc" != 0 ]; then echo "FAIL $py exited $rc"; cat "$out.err"; exit 1; fi
        mv "$out" "${py%.py}.expected"; rm -f "$out.err"
        echo "blessed ${py%.py}.expected (${secs}s)"
    done
    exit 0
fi

# 1. Structure: front matter, snippet references, translations, ids, sources.
"$PY" - "$@" <<'PYEOF' || exit 1
import os, re, sys
root = os.environ["LESSONS"]
only = sys.argv[1:]
folder_re = re.compile(r"^(\d{2})-([a-z0-9-]+)$")
snippet_re = re.compile(r"^```snippet (\S+)\s*$")
errors, ids, all_sources = [], {}, set()

def front_matter(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    if lines[0] != "---":
        errors.append(f"{path}:1: must start with '---' front matter"); return {}, lines
    fm, key = {}, None
    for n, line in enumerate(lines[1:], start=2):
        if line == "---":
            return fm, lines
        m = re.match(r"^([a-z]+):\s*(.*)$", line)
        if m:
            key, value = m.group(1), m.group(2).strip()
            fm[key] = value or []
            if value[:1] in ("'", '"', "|", ">", "[", "{") or ": " in value or " #" in value:
                errors.append(f"{path}:{n}: keep '{key}' a plain one-line value "
                              "(no quotes, no ': ', no ' #')")
        elif re.match(r"^  - \S", line) and isinstance(fm.get(key), list):
            fm[key].append(line[4:].strip())
        else:
            errors.append(f"{path}:{n}: unexpected front matter line {line!r}")
    errors.append(f"{path}:1: front matter never closed"); return fm, lines

for name in sorted(os.listdir(root)):
    folder = os.path.join(root, name)
    if not os.path.isdir(folder):
        continue
    m = folder_re.match(name)
    if not m:
        errors.append(f"{folder}: folder name must be NN-<id>"); continue
    ids.setdefault(m.group(2), []).append(name)
    pys = {f for f in os.listdir(folder) if f.endswith(".py")}
    per_lang = {}
    for lang in ("zh", "en"):
        path = os.path.join(folder, f"{lang}.md")
        if not os.path.exists(path):
            errors.append(f"{path}: missing translation"); continue
        fm, lines = front_matter(path)
        for key in ("title", "summary", "sources"):
            if not fm.get(key):
                errors.append(f"{path}:1: front matter lacks '{key}'")
        sources = fm.get("sources") if isinstance(fm.get("sources"), list) else []
        all_sources.update(sources)
        used, in_fence = set(), False
        for n, line in enumerate(lines, start=1):
            sm = snippet_re.match(line)
            if sm and not in_fence:
                used.add(sm.group(1))
                if not os.path.exists(os.path.join(folder, sm.group(1))):
                    errors.append(f"{path}:{n}: snippet file {sm.group(1)} does not exist")
                if n >= len(lines) or lines[n] != "```":
                    errors.append(f"{path}:{n}: snippet block must be empty")
            if line.startswith("```"):
                in_fence = not in_fence
        if in_fence:
            errors.append(f"{path}: unclosed code fence")
        if not re.search(r"(?m)^## (Try this|动手试试)", "\n".join(lines)):
            errors.append(f"{path}: no 'Try this' / '动手试试' section")
        for py in sorted(pys - used):
            errors.append(f"{path}: does not reference {py}")
        per_lang[lang] = sources
    if len(per_lang) == 2 and per_lang["zh"] != per_lang["en"]:
        errors.append(f"{folder}: zh.md and en.md list different sources")
    for f in os.listdir(folder):
        if f.endswith(".expected") and f[:-9] + ".py" not in pys:
            errors.append(f"{folder}/{f}: no matching .py")
for lesson_id, names in ids.items():
    if len(names) > 1:
        errors.append(f"duplicate lesson id '{lesson_id}': {', '.join(names)}")
seeds = os.environ.get("SEEDS")
if seeds and not only:
    for missing in sorted(set(os.listdir(seeds)) - all_sources):
        errors.append(f"no lesson lists source {missing}")
for e in errors:
    print("ERROR", e)
print(f"structure: {sum(len(n) for n in ids.values())} lessons, {len(errors)} errors")
sys.exit(1 if errors else 0)
PYEOF

# 2. Snippets.
fail=0; count=0
for py in "$LESSONS"/[0-9][0-9]-*/*.py; do
    lesson=$(basename "$(dirname "$py")")
    if [ $# -gt 0 ]; then
        match=0; for pat in "$@"; do [[ $lesson == *"$pat"* ]] && match=1; done
        [ $match = 1 ] || continue
    fi
    count=$((count + 1))
    rel=${py#"$LESSONS"/}
    out=$(mktemp)
    read -r rc secs < <(run_snippet "$py" "$out")
    expected=${py%.py}.expected
    status=ok
    if [ "$rc" != 0 ]; then
        status="FAIL exit $rc"
    elif [ -f "$expected" ] && ! diff -q "$expected" "$out" >/dev/null; then
        status="FAIL stdout differs from ${expected#"$LESSONS"/}"
    fi
    slow=""; [ "$(echo "$secs > 6" | bc)" = 1 ] && slow=" (slow!)"
    printf '%-55s %6.2fs %s%s\n' "$rel" "$secs" "$status" "$slow"
    if [ "$status" != ok ]; then
        fail=$((fail + 1))
        [ -f "$expected" ] && diff "$expected" "$out" | head -20
        head -20 "$out.err"
    fi
    rm -f "$out" "$out.err"
done
echo "snippets: $count run, $fail failed"
[ $fail = 0 ]
