# A throwaway single-node Slurm cluster for tests and benchmarks, on this machine only: its own
# munge key and munged (own socket, pid and log files), a slurm.conf describing this machine as
# the one node, slurmctld and slurmd in the background — everything inside one temporary folder,
# no systemd, nothing under /etc touched. Needs root (slurmd launches jobs as their user) and the
# Debian packages slurm-wlm and munge (scripts/setup.sh installs them).
#
# Usage (sourced):
#   source tests/slurm/slurm_harness.sh
#   start_slurm            # sets SLURM_CONF, SLURM_HARNESS_DIR, SLURM_PARTITION; installs an EXIT trap
#   sbatch --wait ...      # the Slurm commands find the cluster through SLURM_CONF
#   stop_slurm             # also run by the trap: stops the daemons, removes the folder
#
# slurm_available says whether this machine can run the harness (prints why not).

slurm_available() {
  local tool
  for tool in munged mungekey slurmctld slurmd sbatch squeue scancel sinfo; do
    if ! command -v "$tool" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$tool" ]; then
      echo "slurm harness: $tool is not installed (apt-get install slurm-wlm munge)"
      return 1
    fi
  done
  if [ "$(id -u)" -ne 0 ]; then
    echo "slurm harness: slurmd must run as root to launch jobs"
    return 1
  fi
  return 0
}

# A TCP port nobody listens on now.
_slurm_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Waits up to $2 seconds for the command $1 to succeed.
_slurm_wait_for() {
  local deadline=$((SECONDS + $2))
  until eval "$1" >/dev/null 2>&1; do
    [ $SECONDS -ge $deadline ] && return 1
    sleep 0.2
  done
}

_slurm_fail() {
  echo "slurm harness: $1" >&2
  local log
  for log in "$SLURM_HARNESS_DIR"/log/*.log; do
    [ -s "$log" ] && { echo "--- $log" >&2; tail -n 20 "$log" >&2; }
  done
  stop_slurm
  return 1
}

start_slurm() {
  export PATH="$PATH:/usr/sbin"
  slurm_available >&2 || return 1
  SLURM_HARNESS_DIR=$(mktemp -d "${TMPDIR:-/tmp}/faultline-slurm.XXXXXX")
  export SLURM_HARNESS_DIR
  trap stop_slurm EXIT
  local d=$SLURM_HARNESS_DIR
  mkdir -p "$d/munge" "$d/state" "$d/spool" "$d/log" "$d/run"
  chmod 700 "$d/munge"

  # munge: a fresh key and a daemon of our own.
  mungekey --create --keyfile="$d/munge/munge.key" >/dev/null 2>&1 ||
    dd if=/dev/urandom of="$d/munge/munge.key" bs=1024 count=1 status=none
  chmod 400 "$d/munge/munge.key"
  munged --force --key-file="$d/munge/munge.key" --socket="$d/munge/munge.socket" \
    --pid-file="$d/munge/munged.pid" --log-file="$d/log/munged.log" --seed-file="$d/munge/munged.seed" ||
    { _slurm_fail "munged did not start"; return 1; }
  _slurm_wait_for "munge --socket='$d/munge/munge.socket' -n </dev/null" 10 ||
    { _slurm_fail "munged does not answer"; return 1; }

  # This machine as the one node, as slurmd sees it.
  local hw
  hw=$(slurmd -C | head -n 1 | tr ' ' '\n' | grep -E '^(CPUs|Boards|SocketsPerBoard|CoresPerSocket|ThreadsPerCore|RealMemory)=' | tr '\n' ' ')
  [ -n "$hw" ] || { _slurm_fail "slurmd -C printed no hardware description"; return 1; }
  local ctld_port slurmd_port
  ctld_port=$(_slurm_free_port)
  slurmd_port=$(_slurm_free_port)
  while [ "$slurmd_port" = "$ctld_port" ]; do slurmd_port=$(_slurm_free_port); done
  SLURM_PARTITION=faultline
  export SLURM_PARTITION
  cat >"$d/slurm.conf" <<EOF
ClusterName=faultline-test
SlurmctldHost=localhost
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$d/munge/munge.socket
StateSaveLocation=$d/state
SlurmdSpoolDir=$d/spool/slurmd.%n
SlurmctldPidFile=$d/run/slurmctld.pid
SlurmdPidFile=$d/run/slurmd.pid
SlurmctldLogFile=$d/log/slurmctld.log
SlurmdLogFile=$d/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
MailProg=/bin/true
PlugStackConfig=$d/plugstack.conf
MaxArraySize=100001
SchedulerParameters=defer_batch=0
MinJobAge=600
NodeName=localhost NodeAddr=127.0.0.1 $hw State=UNKNOWN
PartitionName=$SLURM_PARTITION Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
  : >"$d/plugstack.conf"
  export SLURM_CONF=$d/slurm.conf

  slurmctld -D -c -f "$SLURM_CONF" >"$d/log/slurmctld.out" 2>&1 &
  echo $! >"$d/run/slurmctld.bg"
  _slurm_wait_for "scontrol ping | grep -q UP" 30 || { _slurm_fail "slurmctld did not come up"; return 1; }
  slurmd -D -N localhost -f "$SLURM_CONF" >"$d/log/slurmd.out" 2>&1 &
  echo $! >"$d/run/slurmd.bg"
  _slurm_wait_for "sinfo -h -n localhost -o %t | grep -qx idle" 60 ||
    { _slurm_fail "the node did not become idle: $(sinfo -h -N -o '%N %t %E' 2>&1)"; return 1; }
  echo "slurm harness: cluster up in $d (slurmctld :$ctld_port, slurmd :$slurmd_port, node: $hw)" >&2
}

stop_slurm() {
  local d=${SLURM_HARNESS_DIR:-}
  [ -n "$d" ] && [ -d "$d" ] || return 0
  if [ -n "${SLURM_CONF:-}" ] && [ -s "$d/run/slurmctld.bg" ]; then
    # Jobs first, while slurmd is there to end their steps.
    scancel --quiet --partition="${SLURM_PARTITION:-faultline}" >/dev/null 2>&1
    _slurm_wait_for "[ -z \"\$(squeue -h -o %i 2>/dev/null)\" ]" 20
  fi
  local f pid
  for f in "$d/run/slurmd.bg" "$d/run/slurmctld.bg" "$d/munge/munged.pid"; do
    [ -s "$f" ] || continue
    pid=$(cat "$f")
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  rm -rf "$d"
  unset SLURM_HARNESS_DIR SLURM_CONF
}
