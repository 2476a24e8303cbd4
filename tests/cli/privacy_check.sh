#!/usr/bin/env bash
# Extraction opens no network connection: contracts are confidential and never
# leave the machine. `clauselens-cli extract` runs twice under strace, which
# logs every connect, sendto, sendmsg and sendmmsg call with its address:
#   1. inside a fresh user and network namespace (unshare -rn): there is no
#      network at all, and the extraction must still succeed;
#   2. in the ordinary namespace, where a connection attempt would reach the
#      network (a namespace could hide an attempt that fails early).
# Both logs must show no address other than local ones (AF_UNIX, e.g. a
# display server or D-Bus; AF_NETLINK, the kernel itself).
#
#   privacy_check.sh run CLI WORKDIR PDF LIBRARY   the test
#   privacy_check.sh check LOG...                  check strace logs
#   privacy_check.sh self-test                     the checker on synthetic logs
set -euo pipefail

# The socket families that never leave the machine.
local_families='^AF_(UNIX|LOCAL|NETLINK)$'

# Lists each traced call's address family with a count; prints the calls to
# any other family and fails if there is one.
check() {
    local status=0 log line family
    for log in "$@"; do
        [ -r "$log" ] || { echo "privacy: cannot read strace log $log" >&2; return 2; }
        local bad=() seen=()
        while IFS= read -r line; do
            while read -r family; do
                [ -n "$family" ] || continue
                seen+=("$family")
                if ! [[ $family =~ $local_families ]]; then
                    bad+=("$line")
                fi
            done < <(grep -o 'sa_family=[A-Za-z0-9_]*' <<<"$line" | sed 's/^sa_family=//')
        done < <(grep -E '(^|[[:space:]])(connect|sendto|sendmsg|sendmmsg)\(' "$log" || true)
        if [ ${#seen[@]} -eq 0 ]; then
            echo "privacy: $log: no socket addresses used"
        else
            echo "privacy: $log: addresses used (family: calls):"
            printf '%s\n' "${seen[@]}" | sort | uniq -c | sed 's/^/  /'
            grep -Eo '(sun_path|nl_pid)=[^,}]*' "$log" | sort | uniq -c | sed 's/^/    /' || true
        fi
        if [ ${#bad[@]} -gt 0 ]; then
            echo "privacy: $log: FAILED: network addresses in ${#bad[@]} call(s):" >&2
            printf '  %s\n' "${bad[@]}" >&2
            status=1
        fi
    done
    return $status
}

# The checker must catch what it is there to catch, and pass local sockets.
self_test() {
    local dir
    dir=$(mktemp -d)
    trap 'rm -rf "$dir"' RETURN
    cat >"$dir/local.log" <<'EOF'
4242  connect(7, {sa_family=AF_UNIX, sun_path="/run/user/0/bus"}, 110) = -1 ENOENT (No such file or directory)
4243  sendto(8, [{nlmsg_len=20, nlmsg_type=RTM_GETLINK}], 20, 0, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 20
4243  sendto(9, "hello", 5, MSG_NOSIGNAL, NULL, 0) = 5
EOF
    printf '%s\n' \
        '4244  connect(3, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.0.0.1")}, 16) = 0' \
        >"$dir/inet.log"
    printf '%s\n' \
        '4245  connect(3, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28 <unfinished ...>' \
        >"$dir/inet6.log"
    printf '%s\n' \
        '4246  sendmsg(4, {msg_name={sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("8.8.8.8")}, msg_namelen=16}, 0) = -1 ENETUNREACH' \
        >"$dir/sendmsg.log"
    printf '%s\n' '4247  sendto(5, "q", 1, 0, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_ALL)}, 20) = 1' \
        >"$dir/packet.log"
    local failures=0
    if ! check "$dir/local.log"; then
        echo "self-test: local sockets were flagged" >&2
        failures=$((failures + 1))
    fi
    for f in inet inet6 sendmsg packet; do
        if check "$dir/$f.log" 2>/dev/null; then
            echo "self-test: $f.log was not flagged" >&2
            failures=$((failures + 1))
        fi
    done
    if check "$dir/local.log" "$dir/inet.log" 2>/dev/null; then
        echo "self-test: a clean log hid a bad one" >&2
        failures=$((failures + 1))
    fi
    [ $failures -eq 0 ] && echo "self-test: passed"
    return $failures
}

run() {
    local cli=$1 work=$2 pdf=$3 library=$4
    command -v strace >/dev/null || {
        echo "privacy: strace is missing; install it (tools/bootstrap.sh does)" >&2
        return 2
    }
    if ! unshare -rn true 2>"$work.unshare-error"; then
        echo "privacy: 'unshare -rn' is not permitted on this machine ($(cat "$work.unshare-error")):" \
            "the test needs unprivileged user and network namespaces" \
            "(kernel.unprivileged_userns_clone=1, or a container that allows unshare)" >&2
        return 2
    fi
    rm -rf "$work" "$work.unshare-error"
    mkdir -p "$work"
    "$cli" make-test-model --preset tiny --type q8_0 -o "$work/tiny.gguf" >/dev/null 2>&1
    # A small budget: the calls made, not the answers, are what this tests.
    local extract=(extract -m "$work/tiny.gguf" --library "$library" --max-answer-tokens 8
        --max-segment-tokens 8 --batch 32 "$pdf")
    local trace=(strace -f --seccomp-bpf -qq -e "trace=connect,sendto,sendmsg,sendmmsg")

    echo "privacy: extract in a fresh network namespace, under strace"
    unshare -rn ip link show 2>/dev/null | sed 's/^/  namespace: /' || true
    unshare -rn "${trace[@]}" -o "$work/isolated.log" "$cli" "${extract[@]}" --db "$work/isolated.db"
    echo "privacy: extract in this machine's network namespace, under strace"
    "${trace[@]}" -o "$work/open.log" "$cli" "${extract[@]}" --db "$work/open.db"
    check "$work/isolated.log" "$work/open.log"
}

case "${1:-}" in
run)
    [ $# -eq 5 ] || { echo "usage: $0 run CLI WORKDIR PDF LIBRARY" >&2; exit 2; }
    run "$2" "$3" "$4" "$5"
    ;;
check)
    shift
    [ $# -ge 1 ] || { echo "usage: $0 check LOG..." >&2; exit 2; }
    check "$@"
    ;;
self-test)
    self_test
    ;;
*)
    echo "usage: $0 run CLI WORKDIR PDF LIBRARY | check LOG... | self-test" >&2
    exit 2
    ;;
esac
