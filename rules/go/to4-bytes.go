package main

import (
	"encoding/binary"
	"net"
	"net/netip"
)

func key(ip net.IP) uint32 {
	// ruleid: v6lint.go.to4-bytes
	return binary.BigEndian.Uint32(ip.To4())
}

func first(ip net.IP) byte {
	// ruleid: v6lint.go.to4-bytes
	return ip.To4()[0]
}

func guarded(ip net.IP) uint32 {
	if v4 := ip.To4(); v4 != nil {
		// ok: v6lint.go.to4-bytes
		return binary.BigEndian.Uint32(ip.To4())
	}
	return 0
}

func isV4(ip net.IP) bool {
	// ok: v6lint.go.to4-bytes
	return ip.To4() != nil
}

func arr(a netip.Addr) [4]byte {
	// ruleid: v6lint.go.to4-bytes
	return a.As4()
}

func arrOK(a netip.Addr) []byte {
	if a.Is4() {
		// ok: v6lint.go.to4-bytes
		b := a.As4()
		return b[:]
	}
	s := a.As16()
	return s[:]
}
