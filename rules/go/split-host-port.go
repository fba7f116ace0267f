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
