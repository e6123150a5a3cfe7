// csvsum: parse a small CSV table, total and average its columns per group.
package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

const data = `region,product,units,price
north,apple,12,0.50
south,apple,7,0.55
north,pear,3,0.80
east,plum,20,0.25
south,pear,9,0.75
east,apple,4,0.60
north,plum,11,0.30
west,apple,8,0.52
west,pear,6,0.78
east,pear,2,0.82`

type row struct {
	region, product string
	units           int
	price           float64
}

type total struct {
	units   int
	revenue float64
	rows    int
}

func parse(s string) ([]row, error) {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	var rows []row
	for i, l := range lines[1:] {
		f := strings.Split(l, ",")
		if len(f) != 4 {
			return nil, fmt.Errorf("line %d: %d fields", i+2, len(f))
		}
		u, err := strconv.Atoi(f[2])
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", i+2, err)
		}
		p, err := strconv.ParseFloat(f[3], 64)
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", i+2, err)
		}
		rows = append(rows, row{f[0], f[1], u, p})
	}
	return rows, nil
}

func group(rows []row, key func(row) string) map[string]*total {
	out := make(map[string]*total)
	for _, r := range rows {
		k := key(r)
		t := out[k]
		if t == nil {
			t = &total{}
			out[k] = t
		}
		t.units += r.units
		t.revenue += float64(r.units) * r.price
		t.rows++
	}
	return out
}

func report(title string, g map[string]*total) {
	fmt.Println(title)
	var keys []string
	for k := range g {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t := g[k]
		avg := t.revenue / float64(t.rows)
		fmt.Printf("  %-6s units=%3d revenue=%7.2f avg=%s\n", k, t.units, t.revenue,
			strconv.FormatFloat(avg, 'f', 3, 64))
	}
}

func main() {
	rows, err := parse(data)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	report("by region", group(rows, func(r row) string { return r.region }))
	report("by product", group(rows, func(r row) string { return r.product }))
	_, err = parse("a,b\nx,y")
	fmt.Println("bad input:", err)
	_, err = parse("a,b,c,d\nx,y,z,1")
	fmt.Println("bad number:", err)
	best := rows[0]
	for _, r := range rows[1:] {
		if float64(r.units)*r.price > float64(best.units)*best.price {
			best = r
		}
	}
	fmt.Printf("best row: %+v\n", best)
}
