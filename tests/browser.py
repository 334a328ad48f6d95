#!/usr/bin/env python3
"""tests/browser.py: open HTML files in headless Chromium, one launch for them all,
driven over the DevTools protocol on a pipe (--remote-debugging-pipe: commands on fd 3,
answers on fd 4, each a JSON text ended by a NUL), and say what a test checks:

  browser.py [--count SELECTOR]... [--pdf-dir DIR] [--screenshot PNG] FILE...

For each FILE, lines "FILE KEY VALUE": count:SELECTOR (elements matching it), pages
(the /Type /Page objects of the page printed to PDF, on the paper its CSS asks for),
errors (console errors, exceptions and error log entries, each also written to
stderr), requests (anything the page asked for beyond itself, each also on stderr).
--screenshot: the first FILE's first screen as a PNG. Exit 0 when the browser
answered, 2 when it could not be run."""
import base64, json, os, re, shutil, signal, subprocess, sys, tempfile

CHROMIUM = os.environ.get("CHROMIUM", "chromium")


class Browser:
    def __init__(self):
        exe = shutil.which(CHROMIUM)
        if not exe:
            raise OSError("%s not found" % CHROMIUM)
        self.prof = tempfile.mkdtemp(prefix="hwk-chromium.")
        to_r, to_w = os.pipe()      # commands: we write, chromium reads fd 3
        from_r, from_w = os.pipe()  # answers: chromium writes fd 4, we read

        def fds():  # above the pipes first: one may already be 3 or 4, and close on exec
            r, w = os.dup(to_r), os.dup(from_w)
            os.dup2(r, 3)
            os.dup2(w, 4)

        self.p = subprocess.Popen(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--disable-sync", "--mute-audio",
             "--user-data-dir=" + self.prof, "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=fds, close_fds=False)
        os.close(to_r)
        os.close(from_w)
        self.w = os.fdopen(to_w, "wb", buffering=0)
        self.r = os.fdopen(from_r, "rb", buffering=0)
        self.buf = b""
        self.id = 0
        self.events = []

    def _read(self):
        while b"\0" not in self.buf:
            chunk = self.r.read(1 << 16)
            if not chunk:
                raise OSError("chromium closed the pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def send(self, method, session=None, **params):
        self.id += 1
        m = {"id": self.id, "method": method, "params": params}
        if session:
            m["sessionId"] = session
        self.w.write(json.dumps(m).encode() + b"\0")
        while True:
            a = self._read()
            if a.get("id") == self.id:
                if "error" in a:
                    raise OSError("%s: %s" % (method, a["error"]))
                return a.get("result", {})
            self.events.append(a)

    def wait(self, method, session):
        while True:
            for i, e in enumerate(self.events):
                if e.get("method") == method and e.get("sessionId") == session:
                    del self.events[i]
                    return e
            self.events.append(self._read())

    def close(self):
        try:
            self.send("Browser.close")
        except OSError:
            pass
        try:
            self.p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()
        shutil.rmtree(self.prof, ignore_errors=True)


def problems(events, session, url):
    errors, requests = [], []
    for e in events:
        if e.get("sessionId") != session:
            continue
        m, p = e.get("method"), e.get("params", {})
        if m == "Runtime.exceptionThrown":
            errors.append("exception: %s" % p["exceptionDetails"].get("text"))
        elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            errors.append("console: %s" % [a.get("value") for a in p.get("args", [])])
        elif m == "Log.entryAdded" and p["entry"].get("level") == "error":
            errors.append("log: %s" % p["entry"].get("text"))
        elif m == "Network.requestWillBeSent" and p["request"]["url"] != url:
            requests.append("request: %s" % p["request"]["url"])
    return errors, requests


def main():
    args, counts, shot, pdfdir, files = sys.argv[1:], [], None, None, []
    while args:
        a = args.pop(0)
        if a == "--count":
            counts.append(args.pop(0))
        elif a == "--screenshot":
            shot = args.pop(0)
        elif a == "--pdf-dir":
            pdfdir = args.pop(0)
        else:
            files.append(a)
    signal.alarm(60)
    try:
        b = Browser()
    except OSError as e:
        print("browser.py: %s" % e, file=sys.stderr)
        return 2
    try:
        target = next(t for t in b.send("Target.getTargets")["targetInfos"]
                      if t["type"] == "page")
        s = b.send("Target.attachToTarget", targetId=target["targetId"],
                   flatten=True)["sessionId"]
        for d in ("Page", "Runtime", "Log", "Network"):
            b.send(d + ".enable", s)
        for n, f in enumerate(files):
            url = "file://" + os.path.abspath(f)
            b.events = [e for e in b.events if e.get("sessionId") != s]
            b.send("Page.navigate", s, url=url)
            b.wait("Page.loadEventFired", s)
            for sel in counts:
                r = b.send("Runtime.evaluate", s, returnByValue=True,
                           expression="document.querySelectorAll(%s).length" % json.dumps(sel))
                print("%s count:%s %s" % (f, sel, r["result"]["value"]))
            pdf = base64.b64decode(b.send("Page.printToPDF", s, preferCSSPageSize=True,
                                          printBackground=True)["data"])
            if pdfdir:
                with open(os.path.join(pdfdir, "%d.pdf" % n), "wb") as o:
                    o.write(pdf)
            print("%s pages %d" % (f, len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))))
            if shot and n == 0:
                b.send("Emulation.setDeviceMetricsOverride", s, width=820, height=1100,
                       deviceScaleFactor=1, mobile=False)
                png = b.send("Page.captureScreenshot", s, format="png")["data"]
                with open(shot, "wb") as o:
                    o.write(base64.b64decode(png))
                b.send("Emulation.clearDeviceMetricsOverride", s)
            errors, requests = problems(b.events, s, url)
            for e in errors + requests:
                print("%s: %s" % (f, e), file=sys.stderr)
            print("%s errors %d" % (f, len(errors)))
            print("%s requests %d" % (f, len(requests)))
    finally:
        b.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
