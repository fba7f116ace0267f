package main

import (
	"fmt"
	"net"
)

func startPingback() (net.Listener, error) {
	// ruleid: v6lint.go.ephemeral-ipv4-loopback-listener
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("opening listener for success confirmation: %v", err)
	}
	return ln, nil
}

func callbackServer(lc net.ListenConfig) (net.PacketConn, error) {
	// ruleid: v6lint.go.ephemeral-ipv4-loopback-listener
	return net.ListenPacket("udp", "127.0.0.1:0")
}

func pingbackWithFallback() (net.Listener, error) {
	// ok: v6lint.go.ephemeral-ipv4-loopback-listener
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err == nil {
		return ln, nil
	}
	ln, err = net.Listen("tcp6", "[::1]:0")
	return ln, err
}

func others() {
	// A fixed port is listen-ipv4-loopback's case.
	// ok: v6lint.go.ephemeral-ipv4-loopback-listener
	a, _ := net.Listen("tcp", "127.0.0.1:8080")
	// ok: v6lint.go.ephemeral-ipv4-loopback-listener
	b, _ := net.Listen("tcp", "localhost:0")
	// ok: v6lint.go.ephemeral-ipv4-loopback-listener
	c, _ := net.Listen("tcp", "[::1]:0")
	_, _, _ = a, b, c
}
