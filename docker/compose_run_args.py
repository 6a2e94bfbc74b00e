"""Translate one service of compose.yaml into `docker run` arguments, for
machines with no Docker Compose v2 (Debian 12 ships only Compose v1, which
passes `systempaths=unconfined` to the engine untranslated and fails).

    python3 docker/compose_run_args.py compose.yaml SERVICE

prints the arguments NUL-separated (options first, the image last), for
`mapfile -d ''` in scripts/docker-smoke. compose.yaml stays the one place
the container's settings are written: every key of the service must be one
this file knows, or it stops with the key's name rather than silently
running the container with fewer protections than compose would.

Variables are interpolated as Compose does for the forms compose.yaml uses
(${NAME}, ${NAME:-default}, ${NAME-default}, $$), from the environment and
then the .env file next to compose.yaml. Relative paths (bind mounts, the
seccomp profile) are resolved against compose.yaml's folder.
Needs PyYAML (Debian: python3-yaml).
"""
import os
import re
import sys

import yaml

VARIABLE = re.compile(r"\$(?:\$|\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?-)(?P<default>[^}]*))?\})")


def read_dotenv(path):
    values = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#") and "=" in line:
                    name, value = line.split("=", 1)
                    values[name.strip()] = value.strip().strip("'\"")
    return values


def interpolate(value, variables):
    if isinstance(value, dict):
        return {key: interpolate(item, variables) for key, item in value.items()}
    if isinstance(value, list):
        return [interpolate(item, variables) for item in value]
    if not isinstance(value, str):
        return value

    def substitute(match):
        if match.group(0) == "$$":
            return "$"
        name, op, default = match.group("name", "op", "default")
        current = variables.get(name)
        if op == ":-" and not current:
            return default
        if op == "-" and current is None:
            return default
        return current or ""

    return VARIABLE.sub(substitute, value)


def text(value):
    """Compose writes booleans and numbers where docker run wants text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def absolute(path, base):
    return path if os.path.isabs(path) else os.path.normpath(os.path.join(base, path))


def bind_mount(spec, base):
    source, rest = spec.split(":", 1)
    if source.startswith((".", "/", "~")):
        source = absolute(os.path.expanduser(source), base)
    return source + ":" + rest


def security_option(option, base):
    if option.startswith(("seccomp=", "seccomp:")) and not option.endswith("unconfined"):
        return "seccomp=" + absolute(option[len("seccomp="):], base)
    return option


def flag_each(flag, values, convert=text):
    return [part for value in values for part in (flag, convert(value))]


def run_args(service, base):
    """docker run options for each key a service may use; build is the caller's job."""
    translate = {
        "build": lambda value: [],
        "image": lambda value: [],
        "init": lambda value: ["--init"] if value else [],
        "restart": lambda value: ["--restart", value],
        "ports": lambda value: flag_each("--publish", value),
        "environment": lambda value: flag_each("--env", [f"{k}={text(v)}" for k, v in value.items()]),
        "volumes": lambda value: flag_each("--volume", value, lambda spec: bind_mount(spec, base)),
        "user": lambda value: ["--user", text(value)],
        "cap_drop": lambda value: flag_each("--cap-drop", value),
        "read_only": lambda value: ["--read-only"] if value else [],
        "tmpfs": lambda value: flag_each("--tmpfs", value if isinstance(value, list) else [value]),
        "security_opt": lambda value: flag_each("--security-opt", value, lambda o: security_option(o, base)),
        "mem_limit": lambda value: ["--memory", text(value)],
        "pids_limit": lambda value: ["--pids-limit", text(value)],
        "logging": lambda value: (["--log-driver", value["driver"]] if "driver" in value else [])
        + flag_each("--log-opt", [f"{k}={text(v)}" for k, v in value.get("options", {}).items()]),
    }
    unknown = sorted(set(service) - set(translate))
    if unknown:
        raise SystemExit(f"compose_run_args: compose.yaml uses {', '.join(unknown)}, which has no docker run "
                         "translation here yet: add it to docker/compose_run_args.py")
    args = [arg for key, value in service.items() for arg in translate[key](value)]
    return args + [service["image"]]


def main(compose_path, service_name):
    base = os.path.dirname(os.path.abspath(compose_path))
    variables = {**read_dotenv(os.path.join(base, ".env")), **os.environ}
    with open(compose_path, encoding="utf-8") as f:
        compose = interpolate(yaml.safe_load(f), variables)
    service = compose["services"][service_name]
    sys.stdout.write("".join(arg + "\0" for arg in run_args(service, base)))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
