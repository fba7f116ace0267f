package main

import (
	"fmt"
	"net"
	"strconv"
)

type config struct {
	Host string
	Port int
}

func addrs(host string, port int, c config, p16 uint16) []string {
	return []string{
		// ruleid: v6lint.go.sprintf-host-port
		net.JoinHostPort(host, strconv.Itoa(port)),
		// ruleid: v6lint.go.sprintf-host-port
		net.JoinHostPort(c.Host, strconv.Itoa(c.Port)),
		// ok: v6lint.go.sprintf-host-port
		fmt.Sprintf("%s:%d", host, p16),
		// ok: v6lint.go.sprintf-host-port
		net.JoinHostPort(host, strconv.Itoa(port)),
		// ok: v6lint.go.sprintf-host-port
		fmt.Sprintf("%s=%d", host, port),
	}
}
