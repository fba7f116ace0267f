package main

import (
	"fmt"
	"net"
	"strings"
)

func dnsServer(dnsAddr string) string {
	if !strings.Contains(dnsAddr, ":") {
		// ruleid: v6lint.go.colon-means-port
		dnsAddr += ":53"
	}
	return dnsAddr
}

func withDefaultPort(addr, scheme string) (string, error) {
	if !strings.Contains(addr, ":") {
		switch scheme {
		case "http", "":
			// ruleid: v6lint.go.colon-means-port
			addr = fmt.Sprintf("%s:80", addr)
		case "https":
			// ruleid: v6lint.go.colon-means-port
			addr = fmt.Sprintf("%s:443", addr)
		default:
			return "", fmt.Errorf("invalid scheme: %q", scheme)
		}
	}
	return addr, nil
}

func brokerAddr(host, defaultPort string) string {
	if strings.Index(host, ":") == -1 {
		// ruleid: v6lint.go.colon-means-port
		return net.JoinHostPort(host, defaultPort)
	}
	return host
}

func upstream(server string) string {
	if !strings.ContainsRune(server, ':') {
		// ruleid: v6lint.go.colon-means-port
		return server + ":6379"
	}
	return server
}

func fine(addr, name, label string) (string, string, string) {
	// The correct test: SplitHostPort fails when the port is missing.
	if _, _, err := net.SplitHostPort(addr); err != nil {
		// ok: v6lint.go.colon-means-port
		addr = net.JoinHostPort(addr, "53")
	}
	// A key:value check, not a port.
	if !strings.Contains(label, ":") {
		// ok: v6lint.go.colon-means-port
		label += ":default"
		// ok: v6lint.go.colon-means-port
		name = label + ":" + name
	}
	if strings.Contains(addr, ":") {
		// ok: v6lint.go.colon-means-port
		addr = addr + ":extra"
	}
	return addr, name, label
}
