package main

import (
	"context"
	"net"
)

func main() {
	// ruleid: v6lint.go.ipv4-only-network
	ln, _ := net.Listen("tcp4", ":8080")
	// ruleid: v6lint.go.ipv4-only-network
	c, _ := net.Dial("udp4", "example.com:53")
	// ok: v6lint.go.ipv4-only-network
	ln2, _ := net.Listen("tcp", "0.0.0.0:8080")
	// ok: v6lint.go.ipv4-only-network
	ln3, _ := net.Listen("tcp", ":8080")
	// ok: v6lint.go.ipv4-only-network
	ln4, _ := net.Listen("tcp6", "[::]:8080")
	var d net.Dialer
	// ruleid: v6lint.go.ipv4-only-network
	c2, _ := d.DialContext(context.Background(), "tcp4", "example.com:80")
	// ruleid: v6lint.go.ipv4-only-network
	ips, _ := net.DefaultResolver.LookupIP(context.Background(), "ip4", "example.com")
	// ok: v6lint.go.ipv4-only-network
	ips2, _ := net.DefaultResolver.LookupIP(context.Background(), "ip", "example.com")
	// ruleid: v6lint.go.ipv4-only-network
	a, _ := net.ResolveTCPAddr("tcp4", "example.com:80")
	// ok: v6lint.go.ipv4-only-network
	log("tcp4", "not a network call")
	_, _, _, _, _, _, _, _, _ = ln, c, ln2, ln3, ln4, c2, ips, ips2, a
}
