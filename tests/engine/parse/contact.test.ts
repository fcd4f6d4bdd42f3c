import { describe, expect, it } from 'vitest';
import { answeredName, readContact, type Contact } from '../../../src/engine/parse/contact';

describe('readContact finds name, phone and address in one message, in any order', () => {
  it.each<[string, string, Partial<Contact>]>([
    ['name, phone, address without marks', 'Lan 0987654321 12 le loi q1 hcm', { name: 'Lan', phone: '0987654321', address: '12 le loi q1 hcm', province: 'TP Hồ Chí Minh' }],
    ['phone first', '0987654321 Lan 12 le loi', { name: 'Lan', phone: '0987654321', address: '12 le loi' }],
    ['address first, name just before the phone', '12 le loi q1 hcm, Lan 0987654321', { name: 'Lan', phone: '0987654321', address: '12 le loi q1 hcm' }],
    ['dashes between parts', 'Huynh Thanh Tam - 0983222111 - 45 Tran Phu, Hai Chau, Da Nang', { name: 'Huynh Thanh Tam', phone: '0983222111', address: '45 Tran Phu, Hai Chau, Da Nang', province: 'Đà Nẵng' }],
    ['with marks, address then honorific name then grouped phone', '12 Lê Lợi, Q1, HCM - chị Lan - 0912 345 678', { name: 'chị Lan', phone: '0912345678', address: '12 Lê Lợi, Q1, HCM' }],
    ['a full name and a district', 'Tran Thi Bich 0987654321 45 Nguyen Van Cu, Ninh Kieu, Can Tho', { name: 'Tran Thi Bich', phone: '0987654321', address: '45 Nguyen Van Cu, Ninh Kieu, Can Tho', province: 'Cần Thơ' }],
    ['labels before each part', 'ten: Lan, sdt: 0912345678, dia chi: ap 3 xa Hoa Khanh, Dong Thap', { name: 'Lan', phone: '0912345678', address: 'ap 3 xa Hoa Khanh, Dong Thap', province: 'Đồng Tháp' }],
    ['+84 and an alley number', '+84 912 345 678 chi Mai, 7/2 hem 5 Nguyen Trai, Ninh Kieu, Can Tho', { name: 'chi Mai', phone: '0912345678', address: '7/2 hem 5 Nguyen Trai, Ninh Kieu, Can Tho' }],
    ['"giao về" before the address', 'sdt 0912345678, giao ve 45 Tran Phu Da Nang', { name: null, phone: '0912345678', address: '45 Tran Phu Da Nang', province: 'Đà Nẵng' }],
    ['an address alone', '12 Lê Lợi, phường Bến Thành, TP HCM', { name: null, phone: null, address: '12 Lê Lợi, phường Bến Thành, TP HCM' }],
    ['order talk around the address is not a name', 'cho minh 2kg xoai giao ve 12 le loi q1', { name: null, phone: null, address: '12 le loi q1' }],
    ['payment talk beside a phone is not a name', 'ship cod nha 0912345678', { name: null, phone: '0912345678', address: null }],
    ['a name at the end of a longer line, right before the phone', 'e oi lay 3kg buoi da xanh giao ve Nguyen Van An 0912888777, 25 Le Van Viet, Tang Nhon Phu, Thu Duc, tp hcm', { name: 'Nguyen Van An', phone: '0912888777', address: '25 Le Van Viet, Tang Nhon Phu, Thu Duc, tp hcm' }],
    ['"tên … sđt …" in one part', 'cho minh dat 2kg xoai cat, ten Le Thi Hoa sdt 0903123456, dc 12 Tran Hung Dao, P. An Cu, Ninh Kieu, Can Tho, ship cod', { name: 'Le Thi Hoa', phone: '0903123456', address: '12 Tran Hung Dao, P. An Cu, Ninh Kieu, Can Tho' }],
    ['a labelled name after the address ends it', 'giao ve 98 Nguyen Van Linh, Tan Phong, Quan 7, HCM, ten Huynh My, sdt 0907 654 321, tra tien mat nha', { name: 'Huynh My', phone: '0907654321', address: '98 Nguyen Van Linh, Tan Phong, Quan 7, HCM' }],
    ['a city whose name has "nha" in it stays in the address', '18 Tran Phu, Loc Tho, Nha Trang, Khanh Hoa, ck nhé', { address: '18 Tran Phu, Loc Tho, Nha Trang, Khanh Hoa', province: 'Khánh Hòa' }],
    ['"tổ 3" starts an address', 'to 3 phuong Chieng Le, tp Son La, Son La', { name: null, address: 'to 3 phuong Chieng Le, tp Son La, Son La', province: 'Sơn La' }],
    ['a street named by a number after the house number', '60 30 Thang 4, Hung Loi, Ninh Kieu, Can Tho', { address: '60 30 Thang 4, Hung Loi, Ninh Kieu, Can Tho' }],
    ['"mới là" before a phone is not a name', 'dia chi cu nhung sdt moi la 0966555444 nha', { name: null, phone: '0966555444' }],
    ['a full stop ends the address, a capitalised name with "Minh" follows it', '10kg gao st25 giao 45 duong 30/4, hung loi, ninh kieu, can tho. Pham Minh Tuan 0939456789, tien mat', { name: 'Pham Minh Tuan', phone: '0939456789', address: '45 duong 30/4, hung loi, ninh kieu, can tho' }],
    ['"tiền mặt" after the phone is how the customer pays, not a name', '0939456789, tien mat', { name: null, phone: '0939456789' }],
    ['"Duong" written as a name is the family name Dương, not "đường"', 'Duong Van Tam, 0905 111 333, 12 le duan, hai chau, da nang', { name: 'Duong Van Tam', phone: '0905111333', address: '12 le duan, hai chau, da nang', province: 'Đà Nẵng' }],
    ['"duong so 8" is a street', 'Lan 0905111333, duong so 8, linh trung, thu duc', { name: 'Lan', address: 'duong so 8, linh trung, thu duc', province: 'TP Hồ Chí Minh' }],
    ['"Cam" in place names is no "cảm ơn" ending the address; "84 …" is the phone with the country code', 'Nguyen Hoang Yen, 84 935 126 740, 18 le duan, phuong cam linh, tp cam ranh, khanh hoa', { name: 'Nguyen Hoang Yen', phone: '0935126740', address: '18 le duan, phuong cam linh, tp cam ranh, khanh hoa', province: 'Khánh Hòa' }],
    ['a given name one letter off a product\'s word ("Khoa", "khoai") is a name', 'Mac Van Khoa 0916222444, 8 ly thuong kiet, hoan kiem, ha noi', { name: 'Mac Van Khoa', province: 'Hà Nội' }],
    ['the recipient named with who they are to the customer', 'nguoi nhan la bo c Nguyen Van Son 0868 357 159, to 5 phuong yen ninh, tp yen bai, yen bai', { name: 'Nguyen Van Son', phone: '0868357159', province: 'Lào Cai' }],
    ['"mẹ mình tên …" before the name', 'nguoi nhan la me minh ten Nguyen Thi Bay, 0912345678, 12 le loi, hue', { name: 'Nguyen Thi Bay', phone: '0912345678' }],
    ['a family name that is also a relative ("Võ", "vợ") stays in the name', 'Vo Van Tuan 0918 765 432, 12 hung vuong, phuong 2, tan an, long an', { name: 'Vo Van Tuan', phone: '0918765432' }],
    ['a one-word given name after an honorific stays as written', 'Anh Tuan 0912345678, 3 le loi, hue', { name: 'Anh Tuan' }],
    ['"TP." keeps its full stop inside the address', '12 Le Loi, Q.1, TP. HCM, Lan 0987654321', { name: 'Lan', address: '12 Le Loi, Q.1, TP. HCM' }],
  ])('%s: "%s"', (_, text, expected) => {
    expect(readContact(text)).toMatchObject(expected);
  });

  it.each([
    ['minutes before a call', 'ship gio hanh chinh, goi truoc 15p nha'],
    ['days of delay', 'don XB22 giao tre toi 5 ngay luon'],
    ['money for someone', 'chuyen giup minh 500k cho em trai duoc ko'],
    ['a province inside other talk', 'ko, lan nay giao cho em gai minh o Ha Noi'],
    ['a shipping question', 'phi ship ra ha noi bao nhieu vay'],
    ['a name that starts like "lô"', 'Lò Văn Chiến'],
  ])('%s is no address: "%s"', (_, text) => {
    expect(readContact(text)).toMatchObject({ name: null, address: null });
  });

  it('a name alone is not taken as a contact: any short reply could be one', () => {
    expect(readContact('Nguyễn Văn An')).toEqual({ name: null, phone: null, phoneProblem: null, address: null, province: null });
  });

  it('a phone number with digits missing says what is wrong and is not an address', () => {
    expect(readContact('0912 345')).toEqual({ name: null, phone: null, phoneProblem: 'too_short', address: null, province: null });
  });
});

describe('answeredName reads what a customer typed when asked for the recipient’s name', () => {
  it('takes a name as typed, with or without tone marks, a word of address, a label or a closing particle', () => {
    const names: [string, string][] = [
      ['Nguyễn Văn An', 'Nguyễn Văn An'],
      ['nguyen van an', 'nguyen van an'],
      ['Lan nhe', 'Lan'],
      ['ten em la Lan', 'Lan'],
      ['tên mình là Nguyễn Văn An', 'Nguyễn Văn An'],
      ['ten e la Tran Thi Mai', 'Tran Thi Mai'],
      ['ten cua minh la Le Van Hung', 'Le Van Hung'],
      ['e ten la Hoa', 'Hoa'],
      ['tui ten Bay', 'Bay'],
      ['a tuan', 'a tuan'],
      ['em Lan', 'em Lan'],
      ['chu Tu nhe', 'chu Tu'],
      ['minh', 'minh'],
      ['Minh', 'Minh'],
    ];
    for (const [typed, name] of names) expect(answeredName(typed), typed).toBe(name);
  });

  it('refuses what is no one’s name: a complaint, order talk, a yes or a no', () => {
    for (const typed of ['giao cham qua', 'ship cod nha', 'co', 'ok', 'ko', 'khong', 'de mai gui', 'bao nhieu', '0909123456']) expect(answeredName(typed), typed).toBeNull();
  });
});

describe('a name that is also a province', () => {
  it('"Đào Thị Huế": the segment with the street starts the address, the name stays the name', () => {
    expect(readContact('Dao Thi Hue, 0984 222 777, so 8 ngo 45 hao nam, dong da, ha noi')).toMatchObject({ name: 'Dao Thi Hue', address: 'so 8 ngo 45 hao nam, dong da, ha noi', province: 'Hà Nội' });
    expect(readContact('Nguyen Van Hue 0984222777 12 le loi q1 hcm')).toMatchObject({ name: 'Nguyen Van Hue', address: '12 le loi q1 hcm', province: 'TP Hồ Chí Minh' });
  });

  it('a province alone is still the address when no segment names a street', () => {
    expect(readContact('Lan 0984222777, thanh hoa')).toMatchObject({ name: 'Lan', province: 'Thanh Hóa' });
  });
});

describe('a full stop after a short word', () => {
  it('"…, NGHE AN. COD NHA": ends the address, so the payment is no part of it', () => {
    expect(readContact('TEN LE THI HOA, SDT 0912 888 777, DIA CHI 12 TRAN PHU, P HUNG BINH, TP VINH, NGHE AN. COD NHA')).toMatchObject({ name: 'LE THI HOA', address: '12 TRAN PHU, P HUNG BINH, TP VINH, NGHE AN', province: 'Nghệ An' });
  });

  it('"TP. HCM", "q. 1": an abbreviation keeps the rest of the address with it', () => {
    expect(readContact('12 le loi, q. 1, tp. hcm')).toMatchObject({ address: '12 le loi, q. 1, tp. hcm', province: 'TP Hồ Chí Minh' });
    expect(readContact('0912345678, 7 nguyen hue, TP. Hue')).toMatchObject({ address: '7 nguyen hue, TP. Hue', province: 'Huế' });
  });
});
