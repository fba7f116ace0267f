package main

import (
	"net"
	"net/netip"
)

func addrs(port int) []any {
	return []any{
		// ruleid: v6lint.go.ipv4-address-constructor
		&net.UDPAddr{IP: net.ParseIP("0.0.0.0"), Port: port},
		// ruleid: v6lint.go.ipv4-address-constructor
		net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: port},
		// ruleid: v6lint.go.ipv4-address-constructor
		net.UDPAddr{IP: net.IPv4zero, Port: port},
		// ruleid: v6lint.go.ipv4-address-constructor
		netip.AddrPortFrom(netip.MustParseAddr("127.0.0.1"), 80),
		// ok: v6lint.go.ipv4-address-constructor
		&net.UDPAddr{IP: net.IPv6unspecified, Port: port},
		// ok: v6lint.go.ipv4-address-constructor
		net.TCPAddr{IP: net.ParseIP("2001:db8::1"), Port: port},
		// ok: v6lint.go.ipv4-address-constructor
		record{A: net.IPv4(127, 0, 0, 1)},
		// ok: v6lint.go.ipv4-address-constructor
		net.IPv4(10, 0, 0, 1),
	}
}

type record struct{ A net.IP }
