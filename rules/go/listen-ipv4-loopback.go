package main

import (
	"net"
	"net/http"
)

func main() {
	// ruleid: v6lint.go.listen-ipv4-loopback
	ln, _ := net.Listen("tcp", "127.0.0.1:8080")
	// ruleid: v6lint.go.listen-ipv4-loopback
	go http.ListenAndServe("127.0.0.1:6060", nil)
	// ruleid: v6lint.go.listen-ipv4-loopback
	srv := &http.Server{Addr: "127.0.0.1:9090"}
	// ok: v6lint.go.listen-ipv4-loopback
	ln2, _ := net.Listen("tcp", "0.0.0.0:8080")
	// ok: v6lint.go.listen-ipv4-loopback
	ln3, _ := net.Listen("tcp", ":8080")
	// ok: v6lint.go.listen-ipv4-loopback
	go http.ListenAndServe("0.0.0.0:80", nil)
	// ok: v6lint.go.listen-ipv4-loopback
	ln4, _ := net.Listen("tcp", "[::1]:8080")
	// ok: v6lint.go.listen-ipv4-loopback
	c, _ := net.Dial("tcp", "127.0.0.1:8080")
	_, _, _, _, _, _ = ln, srv, ln2, ln3, ln4, c
}

func testServer() {
	// ok: v6lint.go.listen-ipv4-loopback
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	_ = ln
}
