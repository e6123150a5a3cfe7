// run

// Hostile probe (tests/test_sandbox.py): reach the network: only the loopback interface
// exists and there is no route out.

package main

import (
	"fmt"
	"net"
	"time"
)

func main() {
	ifs, _ := net.Interfaces()
	names := []string{}
	for _, i := range ifs {
		names = append(names, i.Name)
	}
	fmt.Println("interfaces:", names)
	_, err := net.DialTimeout("tcp", "1.1.1.1:53", 5*time.Second)
	fmt.Println(err)
	_, err = net.DialTimeout("udp", "[2606:4700:4700::1111]:53", 5*time.Second)
	fmt.Println(err)
}
