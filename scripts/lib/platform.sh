# Shared by scripts/start, scripts/test and .ci/run: OS packages and a private PostgreSQL cluster.
# Source it; every function is prefixed azr_.

azr_say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

azr_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

azr_require_dotnet() {
    command -v dotnet >/dev/null || azr_die "the .NET 10 SDK is required (https://dotnet.microsoft.com/download); 'dotnet' is not on PATH"
    dotnet --list-sdks | grep -q '^10\.' || azr_die "the .NET 10 SDK is required; found: $(dotnet --list-sdks | tr '\n' ' ')"
}

# Runs a command as root: directly when we are root, else through sudo.
azr_as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else azr_die "need root to run: $*  (install sudo or run as root)"
    fi
}

# The newest PostgreSQL server bin folder (initdb, pg_ctl, postgres), or nothing.
azr_pg_bindir() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
        [[ -x $dir/initdb && -x $dir/pg_ctl ]] && { echo "$dir"; return; }
    done
}

# Installs the Debian/Ubuntu packages among "$@" whose command is missing. Package names: postgresql, bubblewrap,
# python3, chromium. Runs apt-get update only when something must be installed (or AZR_APT_UPDATE=1).
azr_install_missing() {
    local missing=() package
    for package in "$@"; do
        case $package in
            postgresql) [[ -n $(azr_pg_bindir) ]] || missing+=(postgresql) ;;
            bubblewrap) command -v bwrap >/dev/null || missing+=(bubblewrap) ;;
            python3) command -v python3 >/dev/null || missing+=(python3) ;;
            chromium) command -v chromium >/dev/null || missing+=(chromium) ;;
            *) dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package") ;;
        esac
    done
    if [[ ${AZR_APT_UPDATE:-0} == 1 || ${#missing[@]} -gt 0 ]]; then
        command -v apt-get >/dev/null || azr_die "missing: ${missing[*]}; install them with your package manager"
        azr_say "installing OS packages: ${missing[*]:-(none; updating lists)}"
        if [[ " ${missing[*]} " == *" postgresql "* && ! -e /etc/postgresql-common/createcluster.conf ]]; then
            # We run our own private cluster; do not let the package create and start a system-wide one.
            azr_as_root mkdir -p /etc/postgresql-common
            echo 'create_main_cluster = false' | azr_as_root tee /etc/postgresql-common/createcluster.conf >/dev/null
        fi
        azr_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
        [[ ${#missing[@]} -eq 0 ]] || azr_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi
}

# A free TCP port on the loopback interface.
azr_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Runs a PostgreSQL tool as the cluster's owner: ourselves, or the postgres user when we are root (initdb refuses root).
azr_pg_run() {
    if [[ $(id -u) -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
        # From / so the tools do not complain that they cannot return to a private working directory.
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

# Starts (creating it on first use) a private cluster in folder $1, listening only on 127.0.0.1 on a free port,
# trust authentication, superuser "postgres". Prints the port. Reuses a cluster that is already running there.
azr_pg_start() {
    local data=$1 bin port
    bin=$(azr_pg_bindir)
    [[ -n $bin ]] || azr_die "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin"
    mkdir -p "$data"
    if [[ $(id -u) -eq 0 ]]; then
        azr_pg_run true
        chown postgres:postgres "$data"
        chmod 700 "$data"
        azr_pg_run test -w "$data" || azr_die "the postgres user cannot reach $data (a parent folder is private); set AZR_DATA_DIR to a reachable folder"
    fi
    if [[ ! -f $data/PG_VERSION ]]; then
        azr_say "creating a private PostgreSQL cluster in $data"
        azr_pg_run "$bin/initdb" --pgdata="$data" --username=postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
        cat <<CONF | azr_pg_run tee -a "$data/postgresql.conf" >/dev/null
# added by AbsoluteZero.Web: private, local only
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 300
CONF
    fi
    if azr_pg_run "$bin/pg_ctl" status --pgdata="$data" >/dev/null 2>&1; then
        cat "$data/azr-port"
        return
    fi
    port=$(azr_free_port)
    azr_pg_run "$bin/pg_ctl" start --pgdata="$data" --wait --timeout=60 --log="$data/server.log" -o "-p $port" >/dev/null \
        || { tail -n 20 "$data/server.log" >&2; azr_die "PostgreSQL did not start (log: $data/server.log)"; }
    echo "$port" | azr_pg_run tee "$data/azr-port" >/dev/null
    echo "$port"
}

# The folder for the private cluster of data folder $1: $1/postgres, unless we are root and the postgres user cannot
# reach $1 (a clone under a private home such as /root). Then the cluster lives in /var/lib/azr/postgres-HASH and
# $1/postgres links to it, so scripts/azr still finds its port. Prints the folder to use.
azr_pg_home() {
    local data=$1 real
    if [[ $(id -u) -ne 0 ]] || azr_pg_run test -x "$data"; then
        echo "$data/postgres"
        return
    fi
    real=/var/lib/azr/postgres-$(printf '%s' "$data" | sha256sum | cut -c1-12)
    mkdir -p /var/lib/azr
    chmod 755 /var/lib/azr
    if [[ ! -L $data/postgres ]]; then
        # An empty folder left by an earlier failed start may go; a real cluster there is never moved.
        [[ ! -e $data/postgres ]] || rmdir "$data/postgres" 2>/dev/null \
            || azr_die "the postgres user cannot reach $data/postgres (a parent folder is private); move the cluster or set AZR_DATA_DIR to a reachable folder"
        ln -s "$real" "$data/postgres"
    fi
    azr_say "the postgres user cannot reach $data (a parent folder is private): the cluster lives in $real"
    echo "$real"
}

azr_pg_stop() {
    local data=$1 bin
    bin=$(azr_pg_bindir)
    [[ -n $bin && -f $data/PG_VERSION ]] || return 0
    azr_pg_run "$bin/pg_ctl" stop --pgdata="$data" --mode=fast --wait >/dev/null 2>&1 || true
}
