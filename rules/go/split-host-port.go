package main

import (
	"net"
	"strings"
)

func parse(addr, line string, cfg struct{ ListenAddr string }) (string, string) {
	// ruleid: v6lint.go.split-host-port
	parts := strings.Split(addr, ":")
	// ruleid: v6lint.go.split-host-port
	host, port, _ := strings.Cut(cfg.ListenAddr, ":")
	// ok: v6lint.go.split-host-port
	kv := strings.SplitN(line, ":", 2)
	// ok: v6lint.go.split-host-port
	h, p, _ := net.SplitHostPort(addr)
	_, _, _, _ = parts, kv, h, p
	return host, port
}

func serverName(authority string) string {
	// ruleid: v6lint.go.split-host-port
	colonPos := strings.LastIndex(authority, ":")
	if colonPos == -1 {
		colonPos = len(authority)
	}
	return authority[:colonPos]
}

func listenerPort(ln net.Listener) string {
	// ruleid: v6lint.go.split-host-port
	parts := strings.Split(ln.Addr().String(), ":")
	return parts[1]
}

func peerHost(remoteAddr string) string {
	// ruleid: v6lint.go.split-host-port
	i := strings.LastIndexByte(remoteAddr, ':')
	if i < 0 {
		return remoteAddr
	}
	return remoteAddr[:i]
}

// A hand-written splitter that strips brackets first handles IPv6 already.
func splitHostPort(hostport string) (host, port string) {
	host = hostport
	// ok: v6lint.go.split-host-port
	colon := strings.LastIndexByte(host, ':')
	if colon != -1 && validOptionalPort(host[colon:]) {
		host, port = host[:colon], host[colon+1:]
	}
	if strings.HasPrefix(host, "[") && strings.HasSuffix(host, "]") {
		host = host[1 : len(host)-1]
	}
	return
}

func validOptionalPort(p string) bool { return p != "" }

func field(header string) string {
	// ok: v6lint.go.split-host-port
	i := strings.Index(header, ":")
	return header[:i]
}

// Only the port after the last colon is used: right for "[::1]:8080-8090" too.
func portRange(upstreamAddr string) string {
	// ok: v6lint.go.split-host-port
	index := strings.LastIndex(upstreamAddr, ":")
	return upstreamAddr[index+1:]
}

// The host part is used, but its brackets are removed afterwards.
func remoteIP(remoteAddr string) string {
	ip := remoteAddr
	// ok: v6lint.go.split-host-port
	idx := strings.LastIndex(remoteAddr, ":")
	if idx > -1 {
		ip = remoteAddr[:idx]
	}
	ip = strings.Replace(ip, "[", "", 1)
	ip = strings.Replace(ip, "]", "", 1)
	return ip
}
