package main

import (
	"errors"
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

// The PROXY header's source and destination must share a family: a zero address per family.
func destFor(src netip.AddrPort) (net.Addr, error) {
	switch {
	case src.Addr().Is4():
		// ok: v6lint.go.ipv4-address-constructor
		return &net.TCPAddr{IP: net.IPv4zero}, nil
	case src.Addr().Is6():
		return &net.TCPAddr{IP: net.IPv6zero}, nil
	}
	return nil, errors.New("unexpected address family")
}

func localFor(remote net.IP) *net.UDPAddr {
	if remote.To4() != nil {
		// ok: v6lint.go.ipv4-address-constructor
		return &net.UDPAddr{IP: net.IPv4zero}
	}
	return &net.UDPAddr{IP: net.IPv6unspecified}
}
