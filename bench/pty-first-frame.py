#!/usr/bin/env python3
"""Time to the first frame of terminal programs in a pseudo-terminal this script opens itself (pty.fork;
no `script` wrapper, whose own start-up would be added to every side and shrink the ratios).
usage: pty-first-frame.py SPEC_JSON, where SPEC is {"rounds": N, "warmup": W, "rows": R, "cols": C,
"programs": [{"name", "argv", "env", "marker" (regex or null: time to exit), "keys" (typed after the frame)}]}.
The programs run interleaved, one of each per round, so machine noise hits them alike. Prints JSON:
{name: [{"first_ms", "wall_ms", "rss_mb"}…]} for the rounds after the warm-up."""
import fcntl, json, os, pty, re, select, signal, struct, sys, termios, time

ANSI = re.compile(rb'\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[@-Z\\-_]')

def run(program, rows, cols, limit=15.0):
    marker = re.compile(program['marker'].encode()) if program.get('marker') else None
    keys = program.get('keys', '').encode()
    env = dict(os.environ, **program.get('env', {}))
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(program['argv'][0], program['argv'], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    seen, first, rss, deadline = b'', None, None, t0 + limit
    while True:
        if time.perf_counter() > deadline:
            os.kill(pid, signal.SIGKILL)
            break
        ready, _, _ = select.select([fd], [], [], 0.02)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                data = b''
            if not data:
                break  # the terminal closed: the program has exited, reap it below
            if marker and first is None:
                seen += data
                if marker.search(ANSI.sub(b'', seen)):
                    first = time.perf_counter()
                    if keys:
                        os.write(fd, keys)
                    deadline = min(deadline, first + 3.0)
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done == pid:
            rss = usage.ru_maxrss / 1024
            break
    end = time.perf_counter()
    if rss is None:
        _, _, usage = os.wait4(pid, 0)
        rss = usage.ru_maxrss / 1024
    os.close(fd)
    return {'first_ms': (first - t0) * 1000 if first else None, 'wall_ms': (end - t0) * 1000, 'rss_mb': rss}

if __name__ == '__main__':
    spec = json.loads(sys.argv[1])
    results = {p['name']: [] for p in spec['programs']}
    for round_ in range(spec['warmup'] + spec['rounds']):
        for program in spec['programs']:
            result = run(program, spec['rows'], spec['cols'])
            if round_ >= spec['warmup']:
                results[program['name']].append(result)
    print(json.dumps(results))
