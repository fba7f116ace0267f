package main

import (
	"fmt"
	"net"
)

func addr(host, port, key, value string) []string {
	return []string{
		// ruleid: v6lint.go.sprintf-host-port-string
		fmt.Sprintf("%s:%s", host, port),
		// ok: v6lint.go.sprintf-host-port-string
		fmt.Sprintf("%s:%s", key, value),
		// ok: v6lint.go.sprintf-host-port-string
		net.JoinHostPort(host, port),
	}
}
