"""The article's I/O-bound download, one HTTP GET per item: the Python twin of src/tasks/http-get.ts.

Standard library only. On threads and processes, http.client, with one kept-alive connection per thread when
`keepAlive` is set (the article's requests would pool them the same way); on python-asyncio, asyncio streams
with a pool of idle connections per unit. Returns {status, bytes}, the length of the body in bytes."""

import asyncio
import http.client
import ssl
import threading
from urllib.parse import urlsplit

local = threading.local()


def target(url):
    parts = urlsplit(url)
    secure = parts.scheme == "https"
    port = parts.port or (443 if secure else 80)
    path = (parts.path or "/") + ("?" + parts.query if parts.query else "")
    return secure, parts.hostname, port, path


def run(item):
    secure, host, port, path = target(item["url"])
    keep = bool(item.get("keepAlive"))
    key = (secure, host, port)
    connections = getattr(local, "connections", None)
    if connections is None:
        connections = local.connections = {}
    connection = connections.pop(key, None) if keep else None
    if connection is None:
        kind = http.client.HTTPSConnection if secure else http.client.HTTPConnection
        connection = kind(host, port, timeout=30)
    try:
        connection.request("GET", path, headers={"Connection": "keep-alive" if keep else "close"})
        response = connection.getresponse()
        body = response.read()
    except Exception:
        connection.close()
        raise
    if keep and not response.will_close:
        connections[key] = connection
    else:
        connection.close()
    return {"status": response.status, "bytes": len(body)}


idle = {}


async def run_async(item):
    secure, host, port, path = target(item["url"])
    keep = bool(item.get("keepAlive"))
    key = (secure, host, port)
    pool = idle.setdefault(key, [])
    reader, writer = pool.pop() if keep and pool else await asyncio.open_connection(
        host, port, ssl=ssl.create_default_context() if secure else None
    )
    try:
        request = "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: %s\r\n\r\n" % (
            path,
            host,
            "keep-alive" if keep else "close",
        )
        writer.write(request.encode("latin-1"))
        status_line = await reader.readline()
        status = int(status_line.split()[1])
        headers = {}
        while True:
            line = await reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        if "content-length" in headers:
            body = await reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            body = b""
            while True:
                size = int((await reader.readline()).split(b";")[0], 16)
                if size == 0:
                    await reader.readline()
                    break
                body += await reader.readexactly(size)
                await reader.readline()
        else:
            body = await reader.read()
            keep = False
    except BaseException:
        writer.close()
        raise
    if keep and headers.get("connection", "").lower() != "close":
        pool.append((reader, writer))
    else:
        writer.close()
    return {"status": status, "bytes": len(body)}


def teardown():
    """Runs on the unit's own thread (or loop): its kept-alive connections are closed."""
    for connection in getattr(local, "connections", {}).values():
        connection.close()
    for pool in idle.values():
        for _, writer in pool:
            writer.close()
    idle.clear()
