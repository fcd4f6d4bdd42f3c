/**
 * Held-out customer messages for measuring intent matching (bench/nlu-accuracy.bench.ts).
 *
 * Written without looking at the flows' trigger lists or at labeled-messages.ts, so they are an
 * unbiased sample of how customers of a small farm-produce shop write on Zalo/Telegram. Each
 * is labeled with the flow a shop owner would want it to start, or null when it is out of scope.
 * Do not tune triggers against this file: it stops being a held-out sample once you do.
 */
export const HELD_OUT_MESSAGES: { text: string; flow: string | null }[] = [
  // greeting — hello / what do you sell
  { text: 'Chào shop ạ', flow: 'greeting' },
  { text: 'alo shop oi', flow: 'greeting' },
  { text: 'hi sh', flow: 'greeting' },
  { text: 'Shop ơi cho em xem menu với', flow: 'greeting' },
  { text: 'co ai o day ko', flow: 'greeting' },
  { text: 'Xin chào, shop bán những gì vậy?', flow: 'greeting' },
  { text: 'e chao c a', flow: 'greeting' },
  { text: 'Chào buổi sáng shop', flow: 'greeting' },
  { text: 'sh ban nhung sp j z', flow: 'greeting' },

  // advice — prices, quality, season, storage, which product suits
  { text: 'Xoài cát Hòa Lộc giá bao nhiêu 1 ký vậy shop?', flow: 'advice' },
  { text: 'gia sau rieng ri6 bn 1kg', flow: 'advice' },
  { text: 'Bơ sáp có dẻo không shop, hay bị sượng?', flow: 'advice' },
  { text: 'mat ong co nguyen chat ko sh', flow: 'advice' },
  { text: 'Gạo ST25 nấu cơm có dẻo không ạ', flow: 'advice' },
  { text: 'buoi da xanh con mua ko a', flow: 'advice' },
  { text: 'Sầu riêng mua về bảo quản sao cho lâu?', flow: 'advice' },
  { text: 'ca phe robusta voi arabica khac nhau ntn', flow: 'advice' },
  { text: 'Mua quà biếu sếp thì nên lấy loại nào shop?', flow: 'advice' },
  { text: 'khoai lang say deo de dc bao lau', flow: 'advice' },
  { text: 'Mít sấy có đường không em? Mẹ chị bị tiểu đường', flow: 'advice' },
  { text: 'bo nay an lien dc chua hay phai de may ngay', flow: 'advice' },
  { text: 'Cà phê Cầu Đất vị chua hay đắng vậy shop', flow: 'advice' },
  { text: 'xoai hnay bn tien 1kg z', flow: 'advice' },

  // order — wants to buy, quantities
  { text: 'Cho mình đặt 2 ký xoài cát nhé', flow: 'order' },
  { text: 'lay e 3kg bo sap', flow: 'order' },
  { text: 'Chị muốn mua 1 thùng bưởi da xanh', flow: 'order' },
  { text: 'dat 5kg gao st25 giao ve q7', flow: 'order' },
  { text: 'Em lấy 2 hũ mật ong với 1 túi mít sấy', flow: 'order' },
  { text: 'mik mun order 1 trai sau rieng khoang 3kg', flow: 'order' },
  { text: 'Chốt đơn 2kg cà phê robusta xay sẵn nha shop', flow: 'order' },
  { text: 'len don giup c 4 goi khoai lang say', flow: 'order' },
  { text: 'Mình muốn mua hàng thì làm sao?', flow: 'order' },
  { text: 'dat hang ntn z sh', flow: 'order' },
  { text: 'Cho em thêm 1kg arabica vào đơn hôm qua', flow: 'order' },
  { text: 'lấy như lần trước nha e', flow: 'order' },

  // payment — how to pay, account, "ck rồi"
  { text: 'Thanh toán bằng cách nào vậy shop?', flow: 'payment' },
  { text: 'cho xin stk de ck', flow: 'payment' },
  { text: 'Có nhận COD không shop?', flow: 'payment' },
  { text: 'e ck r nha sh, check giup e', flow: 'payment' },
  { text: 'Mình chuyển khoản xong rồi đó', flow: 'payment' },
  { text: 'tra tien khi nhan hang dc ko', flow: 'payment' },
  { text: 'Shop có mã QR không cho mình quét', flow: 'payment' },
  { text: 'ck vietcombank dc ko a', flow: 'payment' },
  { text: 'Thanh toán qua momo được không?', flow: 'payment' },
  { text: 'noi dung ck ghi j v shop', flow: 'payment' },

  // shipping — fees, times, areas, where is my order
  { text: 'Ship ra Hà Nội mất mấy ngày?', flow: 'shipping' },
  { text: 'phi ship ve can tho bn', flow: 'shipping' },
  { text: 'Shop có giao đi Phú Quốc không?', flow: 'shipping' },
  { text: 'don cua e toi dau r', flow: 'shipping' },
  { text: 'Sao đơn hàng của mình mãi chưa thấy giao?', flow: 'shipping' },
  { text: 'mai co giao kip ko sh, e can gap', flow: 'shipping' },
  { text: 'Giao hàng bằng đơn vị nào vậy shop?', flow: 'shipping' },
  { text: 'ship hoa toc trong ngay o sg dc ko', flow: 'shipping' },
  { text: 'Cho mình xin mã vận đơn', flow: 'shipping' },
  { text: 'gui ra da nang tien ship bao nhieu', flow: 'shipping' },
  { text: 'Hàng đi xe hay đi bay vậy em, sợ sầu riêng chín quá', flow: 'shipping' },
  { text: 'khi nao thi nhan dc hang a', flow: 'shipping' },

  // returns — damaged / late / wrong goods, refunds, complaints
  { text: 'Xoài nhận được bị dập hết mấy trái rồi shop ơi', flow: 'returns' },
  { text: 'sau rieng bi song, shop doi cho e dc ko', flow: 'returns' },
  { text: 'Giao sai hàng rồi, mình đặt arabica mà nhận robusta', flow: 'returns' },
  { text: 'hang toi tre 5 ngay, bo hu het r', flow: 'returns' },
  { text: 'Mình muốn trả hàng và lấy lại tiền', flow: 'returns' },
  { text: 'chinh sach doi tra ntn sh', flow: 'returns' },
  { text: 'Mật ong bị lên men có mùi chua, shop xử lý sao?', flow: 'returns' },
  { text: 'thieu 1 goi mit say so voi don', flow: 'returns' },
  { text: 'Hàng kém chất lượng quá, thất vọng', flow: 'returns' },
  { text: 'hoan tien cho e nha, e k nhan hang nua', flow: 'returns' },
  { text: 'Bưởi bị khô múi, có được đền bù không?', flow: 'returns' },

  // promotions — discounts, codes, freeship
  { text: 'Shop đang có khuyến mãi gì không?', flow: 'promotions' },
  { text: 'co ma giam gia ko sh', flow: 'promotions' },
  { text: 'Mua nhiều có bớt không em?', flow: 'promotions' },
  { text: 'freeship ko shop', flow: 'promotions' },
  { text: 'Mua bao nhiêu thì được miễn phí vận chuyển?', flow: 'promotions' },
  { text: 'ma XOAI10 con dung dc ko', flow: 'promotions' },
  { text: 'Có chương trình gì cho khách quen không?', flow: 'promotions' },
  { text: 'sale 12/12 co giam ko a', flow: 'promotions' },
  { text: 'mua 10kg co dc giam gia k', flow: 'promotions' },

  // human — a person, the owner, a phone number
  { text: 'Cho mình nói chuyện với chủ shop', flow: 'human' },
  { text: 'gap nguoi that dc ko, bot tra loi ko dung', flow: 'human' },
  { text: 'Xin số điện thoại của shop để gọi', flow: 'human' },
  { text: 'sdt cua chu vuon la j', flow: 'human' },
  { text: 'Mình muốn gặp nhân viên tư vấn', flow: 'human' },
  { text: 'goi lai cho c nhe 0912345678', flow: 'human' },
  { text: 'Anh Tư có đó không?', flow: 'human' },
  { text: 'e can noi chuyen truc tiep voi ng ban', flow: 'human' },

  // null — out of scope
  { text: 'Hôm nay trời đẹp quá', flow: null },
  { text: 'ok', flow: null },
  { text: 'cam on shop nhieu', flow: null },
  { text: 'haha', flow: null },
  { text: 'Shop có tuyển cộng tác viên không?', flow: null },
  { text: 'em oi ban co nguoi yeu chua', flow: null },
  { text: 'Giải giúp mình bài toán lớp 5 với', flow: null },
  { text: 'thoi tiet sg mai co mua ko', flow: null },
  { text: 'Kết quả bóng đá tối qua sao rồi', flow: null },
  { text: '👍', flow: null },
  { text: 'Cho hỏi đường đến chợ Bến Thành', flow: null },
  { text: 'vay tien online lai suat thap lh 0909123456', flow: null },
  { text: 'Mình đang bận, lát nói sau nha', flow: null },
  { text: 'bn bao nhieu tuoi', flow: null },
  { text: 'tks sh', flow: null },
];
