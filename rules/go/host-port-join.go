package main

import (
	"fmt"
	"strconv"
)

type srv struct{ Addr string; Port uint16 }

func urls(host string, port int, s srv, key string, n int) []string {
	return []string{
		// ruleid: v6lint.go.host-port-join
		fmt.Sprintf("http://%s:%d/health", host, port),
		// ruleid: v6lint.go.host-port-join
		fmt.Sprintf("%s:%d", host, port),
		// ruleid: v6lint.go.host-port-join
		fmt.Sprintf("%v:%v", s.Addr, s.Port),
		// ruleid: v6lint.go.host-port-join
		host + ":" + strconv.Itoa(port),
		// ok: v6lint.go.host-port-join
		fmt.Sprintf("%s:%d", key, n),
		// ok: v6lint.go.host-port-join
		key + ":" + strconv.Itoa(n),
		// ok: v6lint.go.host-port-join
		fmt.Sprintf("[%s]:%d", host, port),
	}
}
